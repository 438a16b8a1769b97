#include "project_workspace.h"

#include "decimal.h"
#include "json_array_model.h"
#include "project_detail.h"
#include "role_names.h"
#include "sales_format.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace keel::delivery {

namespace {

using F = ListColumn::Format;
constexpr auto Ctx = "keel::delivery::Columns";

QTableView *table(QAbstractItemModel *model, const QString &name)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

QLabel *heading(const QString &text)
{
    auto *l = new QLabel(text);
    l->setObjectName("sectionHeading");
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

} // namespace

QString stateName(const QString &s)
{
    static const QHash<QString, const char *> names{
        {"pending", QT_TRANSLATE_NOOP("keel::delivery::State", "Pending")},
        {"completed", QT_TRANSLATE_NOOP("keel::delivery::State", "Completed")},
        {"accepted", QT_TRANSLATE_NOOP("keel::delivery::State", "Accepted")},
        {"billable", QT_TRANSLATE_NOOP("keel::delivery::State", "Billable")},
        {"submitted", QT_TRANSLATE_NOOP("keel::delivery::State", "Pending approval")},
        {"approved", QT_TRANSLATE_NOOP("keel::delivery::State", "Approved")},
        {"rejected", QT_TRANSLATE_NOOP("keel::delivery::State", "Rejected")},
        {"planned", QT_TRANSLATE_NOOP("keel::delivery::State", "Planned")},
        {"active", QT_TRANSLATE_NOOP("keel::delivery::State", "Active")},
        {"on_hold", QT_TRANSLATE_NOOP("keel::delivery::State", "On hold")},
        {"closed", QT_TRANSLATE_NOOP("keel::delivery::State", "Closed")},
        {"red", QT_TRANSLATE_NOOP("keel::delivery::State", "Red")},
        {"amber", QT_TRANSLATE_NOOP("keel::delivery::State", "Amber")},
        {"green", QT_TRANSLATE_NOOP("keel::delivery::State", "Green")},
        {"open", QT_TRANSLATE_NOOP("keel::delivery::State", "Open")},
        {"hard", QT_TRANSLATE_NOOP("keel::delivery::State", "Hard")},
        {"soft", QT_TRANSLATE_NOOP("keel::delivery::State", "Soft")},
    };
    const char *n = names.value(s);
    return n ? QCoreApplication::translate("keel::delivery::State", n) : s;
}

namespace {

// The rows with their state translated into "<key>_text".
QJsonArray withStateText(const QJsonArray &rows, const QString &key)
{
    QJsonArray out;
    for (const QJsonValue &v : rows) {
        QJsonObject o = v.toObject();
        o.insert(key + QStringLiteral("_text"), stateName(o.value(key).toString()));
        out.append(o);
    }
    return out;
}

// The change request's approval chain: who decides, in which order, and where it stands.
QString approvalHtml(const QJsonObject &cr)
{
    const QJsonObject approval = cr.value("approval").toObject();
    QString html = QStringLiteral("<b>%1</b> — %2")
                       .arg(cr.value("reason").toString().toHtmlEscaped(),
                            stateName(cr.value("status").toString()).toHtmlEscaped());
    const QJsonArray steps = approval.value("steps").toArray();
    if (steps.isEmpty())
        return html;
    const int current = approval.value("current_step").toInt();
    const bool pending = approval.value("status").toString() == QLatin1String("pending");
    html += QStringLiteral("<ol>");
    for (const QJsonValue &v : steps) {
        const QJsonObject step = v.toObject();
        const int order = step.value("order").toInt();
        const QString where =
            !pending || order < current
                ? (pending ? ProjectWorkspace::tr("approved")
                           : stateName(approval.value("status").toString()).toLower())
            : order == current ? ProjectWorkspace::tr("waiting for a decision")
                               : ProjectWorkspace::tr("next");
        html += QStringLiteral("<li><b>%1</b> (%2) — %3</li>")
                    .arg(roleDisplayName(step.value("role").toString()).toHtmlEscaped(),
                         where.toHtmlEscaped(), step.value("reason").toString().toHtmlEscaped());
    }
    html += QStringLiteral("</ol>");
    return html;
}

} // namespace

ProjectWorkspace::ProjectWorkspace(ApiClient *api, QWidget *parent)
    : QWidget(parent), m_detail(new ProjectDetail(api, this)), m_title(new QLabel),
      m_facts(new QLabel), m_rag(new QLabel), m_error(new QLabel), m_tabs(new QTabWidget),
      m_eac(new QLabel), m_narrative(new QTextBrowser)
{
    setObjectName("projectWorkspace");
    m_title->setObjectName("projectTitle");
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    m_title->setFont(tf);
    m_facts->setObjectName("pageSummary");
    m_facts->setWordWrap(true);
    m_rag->setObjectName("ragChip");
    m_rag->setAlignment(Qt::AlignCenter);
    m_rag->setMinimumWidth(110);
    m_error->setObjectName("errorLabel");
    m_error->setWordWrap(true);
    m_error->hide();
    m_tabs->setObjectName("projectTabs");
    m_tabs->setDocumentMode(true);

    m_burn = new JsonArrayModel(
        {{"job_role_name", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Role"), F::Text, {}},
         {"budget_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Budget h"), F::Decimal, {}},
         {"actual_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Actual h"), F::Decimal, {}},
         {"etc_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "ETC h"), F::Decimal, {}},
         {"eac_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "EAC h"), F::Decimal, {}},
         {"burn_percent", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Burn"), F::Percent, {}},
         {"budget_cost",
          QT_TRANSLATE_NOOP("keel::delivery::Columns", "Budget cost"),
          F::Money,
          {}}},
        Ctx, this);
    m_milestones = new JsonArrayModel(
        {{"name", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Milestone"), F::Text, {}},
         {"state_text", QT_TRANSLATE_NOOP("keel::delivery::Columns", "State"), F::Text, {}},
         {"planned_date", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Planned"), F::Date, {}},
         {"actual_date", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Completed"), F::Date, {}},
         {"amount", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Amount"), F::Money, {}}},
        Ctx, this);
    m_tasks = new JsonArrayModel(
        {{"name", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Task"), F::Text, {}},
         {"status_text", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Status"), F::Text, {}},
         {"budget_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Budget h"), F::Decimal, {}},
         {"actual_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Actual h"), F::Decimal, {}},
         {"etc_hours",
          QT_TRANSLATE_NOOP("keel::delivery::Columns", "ETC h (edit)"),
          F::Decimal,
          {}},
         {"eac_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "EAC h"), F::Decimal, {}},
         {"percent_complete_effort",
          QT_TRANSLATE_NOOP("keel::delivery::Columns", "% complete"),
          F::Percent,
          {}}},
        Ctx, this);
    m_tasks->setEditableKeys({QStringLiteral("etc_hours")});
    m_team = new JsonArrayModel(
        {{"employee_name", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Person"), F::Text, {}},
         {"kind_text", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Booking"), F::Text, {}},
         {"start_date", QT_TRANSLATE_NOOP("keel::delivery::Columns", "From"), F::Date, {}},
         {"end_date", QT_TRANSLATE_NOOP("keel::delivery::Columns", "To"), F::Date, {}},
         {"hours_per_week",
          QT_TRANSLATE_NOOP("keel::delivery::Columns", "h / week"),
          F::Decimal,
          {}}},
        Ctx, this);
    m_changeRequests = new JsonArrayModel(
        {{"reason", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Reason"), F::Text, {}},
         {"status_text", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Approval"), F::Text, {}},
         {"delta_hours", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Δ hours"), F::Decimal, {}},
         {"delta_value", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Δ value"), F::Money, {}},
         {"submitted_at", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Submitted"), F::Date, {}}},
        Ctx, this);
    m_statusReports = new JsonArrayModel(
        {{"period", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Period"), F::Text, {}},
         {"rag_text", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Status"), F::Text, {}},
         {"narrative", QT_TRANSLATE_NOOP("keel::delivery::Columns", "Narrative"), F::Text, {}}},
        Ctx, this);

    m_tabs->addTab(overviewTab(), tr("Overview"));
    m_tabs->addTab(tasksTab(), tr("Tasks"));
    m_tabs->addTab(teamTab(), tr("Team"));
    m_tabs->addTab(changeRequestsTab(), tr("Change requests"));
    m_tabs->addTab(statusTab(), tr("Status reports"));

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_facts);
    header->addLayout(titles, 1);
    header->addWidget(m_rag, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);

    m_title->setText(tr("Select a project"));
    m_facts->setText(tr("Choose a project in the list to see its budget, milestones and team."));
    m_rag->hide();

    connect(m_detail, &ProjectDetail::loaded, this, &ProjectWorkspace::showDetail);
    connect(m_detail, &ProjectDetail::loadFailed, this, &ProjectWorkspace::showError);
    connect(m_detail, &ProjectDetail::failed, this,
            [this](const QString &message) { showError(message); });
    connect(m_detail, &ProjectDetail::done, this, [this] {
        m_error->hide();
        emit projectChanged();
    });
    connect(m_tasks, &JsonArrayModel::edited, this,
            [this](int row, const QString &, const QString &value) {
                const QJsonObject t = m_tasks->rowObject(row);
                m_detail->setTaskEtc(sales::idText(t.value("id")), value,
                                     t.value("version").toInt());
            });
}

QWidget *ProjectWorkspace::overviewTab()
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    m_eac->setObjectName("eacSummary");
    m_eac->setWordWrap(true);
    m_eac->setTextFormat(Qt::RichText);
    layout->addWidget(m_eac);
    layout->addWidget(heading(tr("Budget burn by role")));
    auto *burnView = table(m_burn, "burnView");
    // As tall as its rows: the milestones get the rest.
    const auto fit = [burnView] {
        const int rows = qMax(1, burnView->model()->rowCount());
        burnView->setFixedHeight(burnView->horizontalHeader()->sizeHint().height() +
                                 rows * burnView->verticalHeader()->defaultSectionSize() + 4);
    };
    connect(m_burn, &QAbstractItemModel::modelReset, burnView, fit);
    fit();
    layout->addWidget(burnView);
    layout->addWidget(heading(tr("Milestones")));
    m_milestonesView = table(m_milestones, "milestonesView");
    layout->addWidget(m_milestonesView, 1);
    auto *bar = new QHBoxLayout;
    m_complete = new QPushButton(tr("Complete"));
    m_complete->setObjectName("completeMilestone");
    m_complete->setToolTip(tr("The work of this milestone is done (project manager)."));
    m_accept = new QPushButton(tr("Record acceptance"));
    m_accept->setObjectName("acceptMilestone");
    m_accept->setToolTip(tr("The client accepted the completed milestone."));
    m_bill = new QPushButton(tr("Release for billing"));
    m_bill->setObjectName("billMilestone");
    bar->addStretch(1);
    bar->addWidget(m_complete);
    bar->addWidget(m_accept);
    bar->addWidget(m_bill);
    layout->addLayout(bar);
    connect(m_complete, &QPushButton::clicked, this,
            [this] { transitionSelectedMilestone(QStringLiteral("complete")); });
    connect(m_accept, &QPushButton::clicked, this,
            [this] { transitionSelectedMilestone(QStringLiteral("accept")); });
    connect(m_bill, &QPushButton::clicked, this,
            [this] { transitionSelectedMilestone(QStringLiteral("bill")); });
    connect(m_milestonesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProjectWorkspace::updateMilestoneButtons);
    updateMilestoneButtons();
    return w;
}

QWidget *ProjectWorkspace::tasksTab()
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    auto *hint = new QLabel(tr("Double-click an ETC cell to enter the hours still to go; the "
                               "estimate at completion follows."));
    hint->setObjectName("hintLabel");
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *view = table(m_tasks, "tasksView");
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    layout->addWidget(view, 1);
    return w;
}

QWidget *ProjectWorkspace::teamTab()
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(table(m_team, "teamView"), 1);
    return w;
}

QWidget *ProjectWorkspace::changeRequestsTab()
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    auto *bar = new QHBoxLayout;
    auto *add = new QPushButton(tr("New change request…"));
    add->setObjectName("newChangeRequest");
    bar->addStretch(1);
    bar->addWidget(add);
    layout->addLayout(bar);
    auto *view = table(m_changeRequests, "changeRequestsView");
    layout->addWidget(view, 2);
    auto *chain = new QTextBrowser;
    chain->setObjectName("approvalChain");
    layout->addWidget(chain, 1);
    connect(add, &QPushButton::clicked, this, &ProjectWorkspace::newChangeRequest);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, chain](const QModelIndex &i) {
                chain->clear();
                m_detail->loadChangeRequest(
                    sales::idText(m_changeRequests->rowObject(i.row()).value("id")));
            });
    connect(m_detail, &ProjectDetail::changeRequestLoaded, chain,
            [chain](const QJsonObject &cr) { chain->setHtml(approvalHtml(cr)); });
    return w;
}

QWidget *ProjectWorkspace::statusTab()
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    auto *bar = new QHBoxLayout;
    auto *add = new QPushButton(tr("Report this month…"));
    add->setObjectName("newStatusReport");
    auto *edit = new QPushButton(tr("Edit…"));
    edit->setObjectName("editStatusReport");
    bar->addStretch(1);
    bar->addWidget(edit);
    bar->addWidget(add);
    layout->addLayout(bar);
    m_statusView = table(m_statusReports, "statusReportsView");
    layout->addWidget(m_statusView, 2);
    m_narrative->setObjectName("statusNarrative");
    layout->addWidget(m_narrative, 1);
    connect(add, &QPushButton::clicked, this, [this] { editStatusReport(true); });
    connect(edit, &QPushButton::clicked, this, [this] { editStatusReport(false); });
    connect(m_statusView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) {
                m_narrative->setPlainText(
                    m_statusReports->rowObject(i.row()).value("narrative").toString());
            });
    return w;
}

void ProjectWorkspace::openProject(const QString &projectId)
{
    m_error->hide();
    m_title->setText(tr("Loading…"));
    m_detail->load(projectId);
}

QString ProjectWorkspace::lastError() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ProjectWorkspace::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ProjectWorkspace::showDetail()
{
    const QJsonObject p = m_detail->project();
    m_title->setText(p.value("name").toString());
    QStringList facts{p.value("account_name").toString()};
    if (!p.value("contract_number").toString().isEmpty())
        facts.append(tr("contract %1").arg(p.value("contract_number").toString()));
    facts.append(stateName(p.value("status").toString()));
    facts.append(tr("%1 – %2").arg(sales::formatDateText(p.value("start_date").toString()),
                                   sales::formatDateText(p.value("end_date").toString())));
    if (!p.value("practice").toString().isEmpty())
        facts.append(p.value("practice").toString());
    facts.removeAll(QString());
    m_facts->setText(facts.join(QStringLiteral(" · ")));

    const QJsonObject status = m_detail->latestStatus();
    const QString rag = status.value("rag").toString();
    m_rag->setVisible(!rag.isEmpty());
    m_rag->setText(tr("Status: %1").arg(stateName(rag)));
    m_rag->setToolTip(status.value("narrative").toString());
    const QString colour = rag == QLatin1String("red")     ? QStringLiteral("#d64541")
                           : rag == QLatin1String("amber") ? QStringLiteral("#f0a03c")
                                                           : QStringLiteral("#26966e");
    m_rag->setStyleSheet(
        QStringLiteral("QLabel{background:%1;color:white;border-radius:10px;padding:4px 12px;"
                       "font-weight:bold;}")
            .arg(colour));

    // EAC against budget.
    const QJsonObject totals = m_detail->estimate().value("totals").toObject();
    const QString budgetCost = sales::formatMoneyJson(totals.value("baseline_cost"));
    const QString eacHours = totals.value("eac_hours").toString();
    if (totals.isEmpty()) {
        m_eac->setText(tr("No estimate yet."));
    } else if (eacHours.isEmpty() || Decimal::parse(eacHours).valueOr(Decimal()).isZero()) {
        m_eac->setText(
            tr("<b>Budget</b> %1 for %2 h. Nothing worked or estimated yet: enter the "
               "hours still to go on the Tasks tab to see the estimate at completion.")
                .arg(budgetCost.toHtmlEscaped(),
                     sales::formatDecimalText(totals.value("baseline_hours").toString())));
    } else {
        const QString eac = sales::formatMoneyJson(totals.value("eac_cost"));
        const QString variance = sales::formatMoneyJson(totals.value("cost_variance"));
        const bool over =
            totals.value("cost_variance").toObject().value("amount").toString().startsWith(u'-');
        QString text = tr("<b>Estimate at completion</b> %1 against a budget of %2 — variance "
                          "<span style='color:%3'><b>%4</b></span><br>%5 of %6 h worked, %7 h "
                          "to go.")
                           .arg(eac.toHtmlEscaped(), budgetCost.toHtmlEscaped(),
                                over ? QStringLiteral("#d64541") : QStringLiteral("#26966e"),
                                variance.toHtmlEscaped(),
                                sales::formatDecimalText(totals.value("actual_hours").toString()),
                                sales::formatDecimalText(totals.value("baseline_hours").toString()),
                                sales::formatDecimalText(totals.value("etc_hours").toString()));
        const QString effort = totals.value("percent_complete_effort").toString();
        const QString cost = totals.value("percent_complete_cost").toString();
        if (!effort.isEmpty() && !cost.isEmpty())
            text += u' ' + tr("%1 % complete by effort, %2 % by cost.")
                               .arg(sales::formatDecimalText(effort, 1),
                                    sales::formatDecimalText(cost, 1));
        m_eac->setText(text);
    }

    m_burn->setItems(m_detail->burnByRole());
    const QString selected =
        m_milestonesView->currentIndex().data(JsonArrayModel::IdRole).toString();
    m_milestones->setItems(withStateText(m_detail->milestones(), QStringLiteral("state")));
    const int row = m_milestones->rowOf(selected);
    if (row >= 0)
        m_milestonesView->selectRow(row);
    m_tasks->setItems(withStateText(m_detail->tasks(), QStringLiteral("status")));
    m_team->setItems(withStateText(m_detail->team(), QStringLiteral("kind")));
    m_changeRequests->setItems(withStateText(m_detail->changeRequests(), QStringLiteral("status")));
    m_statusReports->setItems(withStateText(m_detail->statusReports(), QStringLiteral("rag")));
    // The latest report's narrative in full below the list.
    int latest = -1;
    for (int r = 0; r < m_statusReports->rowCount(); ++r)
        if (latest < 0 || m_statusReports->rowObject(r).value("period").toString() >
                              m_statusReports->rowObject(latest).value("period").toString())
            latest = r;
    if (latest >= 0)
        m_statusView->selectRow(latest);
    else
        m_narrative->clear();
    updateMilestoneButtons();
}

void ProjectWorkspace::updateMilestoneButtons()
{
    const QJsonObject m = m_milestones->rowObject(m_milestonesView->currentIndex().row());
    const QString state = m.value("state").toString();
    m_complete->setEnabled(state == QLatin1String("pending"));
    m_accept->setEnabled(state == QLatin1String("completed"));
    m_bill->setEnabled(state == QLatin1String("accepted"));
}

void ProjectWorkspace::transitionSelectedMilestone(const QString &action)
{
    const QJsonObject m = m_milestones->rowObject(m_milestonesView->currentIndex().row());
    if (m.isEmpty())
        return;
    m_detail->transitionMilestone(sales::idText(m.value("id")), action, m.value("version").toInt());
}

void ProjectWorkspace::newChangeRequest()
{
    const QJsonObject p = m_detail->project();
    if (p.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setObjectName("changeRequestDialog");
    dialog.setWindowTitle(tr("New change request"));
    auto *form = new QFormLayout;
    auto *reason = new QPlainTextEdit;
    reason->setObjectName("reasonEdit");
    reason->setPlaceholderText(tr("What changes and why (the approvers read this)"));
    reason->setFixedHeight(80);
    auto *role = new QComboBox;
    role->setObjectName("roleCombo");
    for (const QJsonValue &v : p.value("budget").toObject().value("lines").toArray()) {
        const QJsonObject l = v.toObject();
        const QString id = sales::idText(l.value("job_role_id"));
        if (role->findData(id) < 0)
            role->addItem(l.value("job_role_name").toString(l.value("job_role").toString()), id);
    }
    auto *hours = new QLineEdit;
    hours->setObjectName("hoursEdit");
    hours->setPlaceholderText(tr("e.g. 40 or -8"));
    auto *value = new QLineEdit;
    value->setObjectName("valueEdit");
    value->setPlaceholderText(tr("e.g. 6000.00"));
    auto *end = new QDateEdit(QDate::fromString(p.value("end_date").toString(), Qt::ISODate));
    end->setObjectName("endDateEdit");
    end->setCalendarPopup(true);
    form->addRow(tr("Reason"), reason);
    form->addRow(tr("Role"), role);
    form->addRow(tr("Change in hours"), hours);
    form->addRow(tr("Change in value (%1)").arg(p.value("currency").toString()), value);
    form->addRow(tr("Project ends"), end);
    auto *note = new QLabel(tr("The change goes to approval: another project manager, finance "
                               "from 10,000 and an executive from 50,000."));
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Submit for approval"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    dialog.resize(460, 360);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString origEnd = p.value("end_date").toString();
    const QString newEnd = end->date().toString(Qt::ISODate);
    m_detail->submitChangeRequest(
        reason->toPlainText().trimmed(),
        QJsonArray{QJsonObject{
            {"job_role_id", role->currentData().toString()},
            {"delta_hours", hours->text().trimmed()},
            {"delta_value", QJsonObject{{"amount", value->text().trimmed()},
                                        {"currency", p.value("currency").toString()}}}}},
        newEnd == origEnd ? QString() : newEnd);
    m_tabs->setCurrentIndex(3);
}

void ProjectWorkspace::editStatusReport(bool newReport)
{
    if (m_detail->project().isEmpty())
        return;
    const QString period = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
    QJsonObject report;
    if (!newReport)
        report = m_statusReports->rowObject(m_statusView->currentIndex().row());
    else
        for (const QJsonValue &v : m_detail->statusReports())
            if (v.toObject().value("period").toString() == period)
                report = v.toObject(); // one per month: edit it
    if (!newReport && report.isEmpty())
        return;
    QDialog dialog(this);
    dialog.setObjectName("statusReportDialog");
    dialog.setWindowTitle(report.isEmpty()
                              ? tr("Status report for %1").arg(period)
                              : tr("Status report for %1").arg(report.value("period").toString()));
    auto *rag = new QComboBox;
    rag->setObjectName("ragCombo");
    for (const char *r : {"green", "amber", "red"})
        rag->addItem(stateName(QLatin1String(r)), QLatin1String(r));
    rag->setCurrentIndex(qMax(0, rag->findData(report.value("rag").toString())));
    auto *text = new QPlainTextEdit(report.value("narrative").toString());
    text->setObjectName("narrativeEdit");
    text->setPlaceholderText(tr("Progress, risks and what you need from the client"));
    auto *form = new QFormLayout;
    form->addRow(tr("Status"), rag);
    form->addRow(tr("Narrative"), text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    dialog.resize(520, 340);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_detail->saveStatusReport(sales::idText(report.value("id")), report.value("version").toInt(),
                               period, rag->currentData().toString(),
                               text->toPlainText().trimmed());
}

} // namespace keel::delivery
