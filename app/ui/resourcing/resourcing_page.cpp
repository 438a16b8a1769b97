#include "resourcing_page.h"

#include "api_client.h"
#include "api_reply.h"
#include "capacity_model.h"
#include "json_array_model.h"
#include "paged_list_model.h"
#include "planner_model.h"
#include "planner_view.h"
#include "problem_text.h"
#include "project_detail.h"
#include "sales/list_panel.h"
#include "sales_format.h"
#include "session.h"
#include "staffing.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace keel::resourcing {

namespace {

using F = sales::ListColumn::Format;
constexpr auto Ctx = "keel::resourcing::Columns";

QJsonValue firstOf(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys)
        if (o.contains(QLatin1String(k)) && !o.value(QLatin1String(k)).isNull())
            return o.value(QLatin1String(k));
    return {};
}

QString textOf(const QJsonValue &v)
{
    return sales::PagedListModel::formatValue(v, F::Text);
}

// Codes in words: "SENIOR_CONSULTANT" -> "Senior consultant", "open" -> "Open".
class CodeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant &value, const QLocale &) const override
    {
        QString s = value.toString().toLower().replace(u'_', u' ');
        if (!s.isEmpty())
            s[0] = s.at(0).toUpper();
        return s;
    }
};

// Weeks short of people in red.
class CapacityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(CapacityModel::ShortRole).toBool()) {
            option->backgroundBrush = QColor(248, 215, 213);
            option->palette.setColor(QPalette::Text, QColor(170, 40, 35));
        }
    }
};

QComboBox *filterCombo(const QString &name, const QString &all)
{
    auto *c = new QComboBox;
    c->setObjectName(name);
    c->setEditable(true);
    c->setInsertPolicy(QComboBox::NoInsert);
    c->setMinimumWidth(130);
    c->addItem(all, QString());
    return c;
}

QString comboValue(const QComboBox *c)
{
    if (c->currentIndex() > 0 && c->currentText() == c->itemText(c->currentIndex()))
        return c->currentData().toString();
    const QString t = c->currentText().trimmed();
    return c->currentIndex() == 0 && t == c->itemText(0) ? QString() : t;
}

// The legend of the heatmap's colours.
QWidget *legend()
{
    auto *w = new QWidget;
    auto *l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->setSpacing(4);
    const auto swatch = [l](const QColor &c, Qt::BrushStyle pattern, const QString &text) {
        QPixmap pm(14, 14);
        pm.fill(c);
        if (pattern != Qt::SolidPattern) {
            QPainter p(&pm);
            p.fillRect(pm.rect(), QBrush(pattern == Qt::FDiagPattern ? QColor(150, 150, 150)
                                                                     : QColor(255, 255, 255, 150),
                                         pattern));
        }
        auto *icon = new QLabel;
        icon->setPixmap(pm);
        l->addWidget(icon);
        auto *label = new QLabel(text);
        label->setObjectName("legendLabel");
        l->addWidget(label);
        l->addSpacing(8);
    };
    swatch(PlannerDelegate::levelColour(30), Qt::SolidPattern,
           QCoreApplication::translate("keel::resourcing::ResourcingPage", "under 50 %"));
    swatch(PlannerDelegate::levelColour(60), Qt::SolidPattern,
           QCoreApplication::translate("keel::resourcing::ResourcingPage", "50–79 %"));
    swatch(PlannerDelegate::levelColour(90), Qt::SolidPattern,
           QCoreApplication::translate("keel::resourcing::ResourcingPage", "80–100 %"));
    swatch(PlannerDelegate::levelColour(110), Qt::SolidPattern,
           QCoreApplication::translate("keel::resourcing::ResourcingPage", "over 100 %"));
    swatch(PlannerDelegate::levelColour(60).lighter(125), Qt::BDiagPattern,
           QCoreApplication::translate("keel::resourcing::ResourcingPage", "soft (pipeline)"));
    swatch(QColor(226, 228, 232), Qt::FDiagPattern,
           QCoreApplication::translate("keel::resourcing::ResourcingPage", "holiday / leave"));
    {
        // A partly absent week: a grey band along the cell's top.
        QPixmap pm(14, 14);
        pm.fill(PlannerDelegate::levelColour(0));
        QPainter p(&pm);
        p.fillRect(QRect(0, 0, 14, 4), QColor(150, 150, 150));
        auto *icon = new QLabel;
        icon->setPixmap(pm);
        l->addWidget(icon);
        auto *label = new QLabel(QCoreApplication::translate("keel::resourcing::ResourcingPage",
                                                             "part of the week away"));
        label->setObjectName("legendLabel");
        l->addWidget(label);
    }
    l->addStretch(1);
    return w;
}

} // namespace

// --- AssignmentDialog ---------------------------------------------------------------------------

AssignmentDialog::AssignmentDialog(ApiClient *api, const QString &employeeId,
                                   const QString &employeeName, const QDate &from, const QDate &to,
                                   QWidget *parent)
    : QDialog(parent), m_staffing(new Staffing(api, this)), m_employeeId(employeeId),
      m_project(new QComboBox), m_from(new QDateEdit(from)), m_to(new QDateEdit(to)),
      m_hours(new QLineEdit(QStringLiteral("40"))), m_kind(new QComboBox), m_error(new QLabel)
{
    setObjectName("assignmentDialog");
    setWindowTitle(tr("Book %1").arg(employeeName));
    m_project->setObjectName("projectCombo");
    m_project->setMinimumWidth(300);
    m_from->setObjectName("fromEdit");
    m_to->setObjectName("toEdit");
    m_from->setCalendarPopup(true);
    m_to->setCalendarPopup(true);
    m_hours->setObjectName("hoursEdit");
    m_kind->setObjectName("kindCombo");
    m_kind->addItem(tr("Hard (confirmed)"), QStringLiteral("hard"));
    m_kind->addItem(tr("Soft (tentative)"), QStringLiteral("soft"));
    m_error->setObjectName("errorLabel");
    m_error->setWordWrap(true);
    m_error->hide();

    // Active and planned projects to book on.
    if (api)
        for (const char *status : {"active", "planned"}) {
            ApiReply *reply =
                api->get(delivery::DeliveryPath::projects() + QStringLiteral("?limit=200&status=") +
                         QLatin1String(status));
            connect(reply, &ApiReply::finished, this, [this, reply] {
                if (!reply->ok())
                    return;
                for (const QJsonValue &v : reply->object().value("items").toArray()) {
                    const QJsonObject p = v.toObject();
                    const QString id = sales::idText(p.value("id"));
                    if (m_project->findData(id) < 0)
                        m_project->addItem(
                            QStringLiteral("%1 — %2").arg(p.value("name").toString(),
                                                          p.value("account_name").toString()),
                            id);
                }
            });
        }

    auto *form = new QFormLayout;
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Hours per week"), m_hours);
    form->addRow(tr("Booking"), m_kind);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Book"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AssignmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_staffing, &Staffing::booked, this, [this] { QDialog::accept(); });
    connect(m_staffing, &Staffing::bookingFailed, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_staffing, &Staffing::overAllocation, this, [this](const QString &message) {
        const auto answer = QMessageBox::question(
            this, tr("Over-allocation"),
            tr("%1\n\nBook anyway? As resource manager you confirm the over-allocation.")
                .arg(message),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes)
            book(true);
    });
}

void AssignmentDialog::setProject(const QString &projectId, const QString &name)
{
    int i = m_project->findData(projectId);
    if (i < 0) {
        m_project->insertItem(0, name, projectId);
        i = 0;
    }
    m_project->setCurrentIndex(i);
}

void AssignmentDialog::setHoursPerWeek(const QString &hours)
{
    m_hours->setText(hours);
}

void AssignmentDialog::setKind(const QString &kind)
{
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind)));
}

AssignmentDraft AssignmentDialog::draft() const
{
    AssignmentDraft d;
    d.employeeId = m_employeeId;
    d.projectId = m_project->currentData().toString();
    d.requestId = m_requestId;
    d.startDate = m_from->date().toString(Qt::ISODate);
    d.endDate = m_to->date().toString(Qt::ISODate);
    d.hoursPerWeek = m_hours->text().trimmed();
    d.kind = m_kind->currentData().toString();
    return d;
}

void AssignmentDialog::accept()
{
    book(false);
}

void AssignmentDialog::book(bool confirm)
{
    m_error->hide();
    AssignmentDraft d = draft();
    d.confirmOverAllocation = confirm;
    m_staffing->book(d);
}

// --- SuggestionsDialog --------------------------------------------------------------------------

SuggestionsDialog::SuggestionsDialog(ApiClient *api, const QJsonObject &request, QWidget *parent)
    : QDialog(parent), m_api(api), m_request(request), m_staffing(new Staffing(api, this)),
      m_view(new QTableView), m_factors(new QTextBrowser), m_status(new QLabel),
      m_assign(new QPushButton(tr("Assign")))
{
    setObjectName("suggestionsDialog");
    setWindowTitle(tr("Staffing suggestions"));
    m_candidates = new delivery::JsonArrayModel(
        {{"rank", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "#"), F::Count, {}},
         {"name", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Candidate"), F::Text, {}},
         {"score", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Score"), F::Decimal, {}},
         {"job_role", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Role"), F::Text, {}},
         {"practice", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Practice"), F::Text, {}},
         {"country", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Country"), F::Text, {}},
         {"free_hours", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Free h"), F::Decimal, {}}},
        Ctx, this);
    m_view->setObjectName("candidatesView");
    m_view->setModel(m_candidates);
    m_view->setItemDelegateForColumn(3, new CodeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_factors->setObjectName("factorsView");
    m_assign->setObjectName("assignButton");
    m_assign->setEnabled(false);
    m_status->setObjectName("pageSummary");
    m_status->setWordWrap(true);

    QString role = textOf(firstOf(request, {"job_role_name", "job_role", "role"}));
    role = role.toLower().replace(u'_', u' ');
    if (!role.isEmpty())
        role[0] = role.at(0).toUpper();
    QStringList what{role};
    const QJsonArray skills = request.value("skills").toArray();
    QStringList skillNames;
    for (const QJsonValue &s : skills)
        skillNames.append(
            textOf(s.isObject() ? firstOf(s.toObject(), {"name", "skill", "code"}) : s));
    if (!skillNames.isEmpty())
        what.append(skillNames.join(QStringLiteral(", ")));
    what.append(tr("%1 h/week").arg(request.value("hours_per_week").toString()));
    what.append(tr("%1 – %2").arg(sales::formatDateText(request.value("start_date").toString()),
                                  sales::formatDateText(request.value("end_date").toString())));
    what.removeAll(QString());
    m_status->setText(tr("Loading candidates for: %1").arg(what.join(QStringLiteral(" · "))));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(m_factors);
    splitter->setSizes({300, 160});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_assign, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(820, 560);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SuggestionsDialog::showFactors);
    connect(m_assign, &QPushButton::clicked, this, &SuggestionsDialog::assignSelected);
    connect(m_staffing, &Staffing::suggestionsFailed, this, [this](const QString &message) {
        m_status->setText(message);
        m_loaded = true;
    });
    connect(m_staffing, &Staffing::suggestionsLoaded, this,
            [this, what](const QJsonObject &, const QJsonArray &candidates) {
                QJsonArray rows;
                int rank = 0;
                for (const QJsonValue &v : candidates) {
                    QJsonObject c = v.toObject();
                    c.insert("rank", ++rank);
                    if (!c.contains("name"))
                        c.insert("name", textOf(firstOf(c, {"employee_name", "display_name"})));
                    if (!c.contains("free_hours"))
                        c.insert("free_hours", firstOf(c, {"free_capacity_hours", "free"}));
                    rows.append(c);
                }
                m_candidates->setItems(rows);
                m_status->setText(
                    rows.isEmpty() ? tr("Nobody fits: %1").arg(what.join(QStringLiteral(" · ")))
                    : rows.size() == 1
                        ? tr("1 candidate for: %1").arg(what.join(QStringLiteral(" · ")))
                        : tr("%1 candidates for: %2")
                              .arg(rows.size())
                              .arg(what.join(QStringLiteral(" · "))));
                if (!rows.isEmpty())
                    m_view->selectRow(0);
                m_loaded = true;
            });
    m_staffing->loadSuggestions(sales::idText(request.value("id")));
}

void SuggestionsDialog::showFactors()
{
    const QJsonObject c = m_candidates->rowObject(m_view->currentIndex().row());
    m_assign->setEnabled(!c.isEmpty());
    if (c.isEmpty()) {
        m_factors->clear();
        return;
    }
    QString html = QStringLiteral("<b>%1</b> — %2 %3<ul>")
                       .arg(c.value("name").toString().toHtmlEscaped(), tr("score"),
                            c.value("score").toVariant().toString().toHtmlEscaped());
    for (const QString &line : Staffing::factorLines(c))
        html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    const QString why = c.value("explanation").toString();
    if (!why.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(why.toHtmlEscaped());
    m_factors->setHtml(html);
}

void SuggestionsDialog::assignSelected()
{
    const QJsonObject c = m_candidates->rowObject(m_view->currentIndex().row());
    if (c.isEmpty())
        return;
    AssignmentDialog dialog(
        m_api, sales::idText(firstOf(c, {"employee_id", "id"})), c.value("name").toString(),
        QDate::fromString(m_request.value("start_date").toString(), Qt::ISODate),
        QDate::fromString(m_request.value("end_date").toString(), Qt::ISODate), this);
    dialog.setRequestId(sales::idText(m_request.value("id")));
    const QString projectId = sales::idText(m_request.value("project_id"));
    if (!projectId.isEmpty())
        dialog.setProject(projectId, textOf(firstOf(m_request, {"project_name", "project"})));
    dialog.setHoursPerWeek(m_request.value("hours_per_week").toString());
    dialog.setKind(m_request.value("kind").toString() == QLatin1String("soft")
                       ? QStringLiteral("soft")
                       : QStringLiteral("hard"));
    if (dialog.exec() == QDialog::Accepted) {
        emit assigned();
        accept();
    }
}

// --- ResourcingPage -----------------------------------------------------------------------------

ResourcingPage::ResourcingPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_planner(new PlannerModel(this))
{
    setObjectName("workspacePage_resourcing");
    m_planner->setApi(session->api());
    auto *title = new QLabel(tr("Resourcing"));
    title->setObjectName("pageTitle");
    auto *tabs = new QTabWidget;
    tabs->setObjectName("resourcingTabs");
    tabs->setDocumentMode(true);
    tabs->addTab(plannerTab(), tr("Planner"));
    tabs->addTab(requestsTab(), tr("Requests"));
    tabs->addTab(capacityTab(), tr("Capacity vs demand"));
    connect(tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1 && !m_requests->model()->hasLoaded())
            m_requests->model()->reload();
        if (index == 2 && m_capacity->rowCount() == 0)
            reloadCapacity();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(tabs, 1);
}

QWidget *ResourcingPage::plannerTab()
{
    auto *w = new QWidget;
    m_practice = filterCombo(QStringLiteral("practiceFilter"), tr("All practices"));
    m_skill = filterCombo(QStringLiteral("skillFilter"), tr("All skills"));
    m_country = filterCombo(QStringLiteral("countryFilter"), tr("All countries"));
    m_role = filterCombo(QStringLiteral("roleFilter"), tr("All roles"));
    m_from = new QDateEdit(QDate::currentDate().addDays(1 - QDate::currentDate().dayOfWeek()));
    m_from->setObjectName("fromFilter");
    m_from->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_from->setCalendarPopup(true);
    m_plannerStatus = new QLabel;
    m_plannerStatus->setObjectName("pageSummary");
    auto *bookButton = new QPushButton(tr("Book selected weeks…"));
    bookButton->setObjectName("bookButton");
    bookButton->setToolTip(tr("Select weeks of one person (or drag across them) to book them."));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("From")));
    bar->addWidget(m_from);
    for (QComboBox *c : {m_practice, m_skill, m_country, m_role}) {
        bar->addWidget(c);
        connect(c, &QComboBox::activated, this, &ResourcingPage::reloadPlanner);
        connect(c->lineEdit(), &QLineEdit::returnPressed, this, &ResourcingPage::reloadPlanner);
    }
    bar->addStretch(1);
    bar->addWidget(bookButton);
    connect(m_from, &QDateEdit::dateChanged, this, &ResourcingPage::reloadPlanner);
    connect(bookButton, &QPushButton::clicked, this, &ResourcingPage::bookSelection);

    m_plannerView = new PlannerView(m_planner);
    connect(m_plannerView, &PlannerView::rangeDragged, this, &ResourcingPage::dragged);
    connect(m_planner, &PlannerModel::loadingChanged, this, [this](bool loading) {
        if (loading)
            m_plannerStatus->setText(tr("Loading the planner…"));
    });
    connect(m_planner, &PlannerModel::loadFailed, m_plannerStatus, &QLabel::setText);
    connect(m_planner, &PlannerModel::loaded, this, [this] {
        rememberFilterValues();
        m_plannerStatus->setText(
            m_planner->personCount() == 0
                ? tr("Nobody matches these filters.")
                : tr("%n people, %1 weeks from %2. Hover a cell for hours; drag across weeks "
                     "to book them, or from a booking to stretch it.",
                     nullptr, m_planner->personCount())
                      .arg(m_planner->weeks())
                      .arg(QLocale().toString(m_planner->from(), QStringLiteral("d MMM yyyy"))));
    });

    // Skills for the filter, from the taxonomy.
    ApiReply *reply = m_session->api()->get(QStringLiteral("/api/v1/resourcing/skills?limit=500"));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok())
            return;
        for (const QJsonValue &v : reply->object().value("items").toArray()) {
            const QJsonObject s = v.toObject();
            const QString code = textOf(firstOf(s, {"code", "name"}));
            m_skill->addItem(s.value("name").toString(code), code);
        }
    });

    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(legend());
    layout->addWidget(m_plannerView, 1);
    layout->addWidget(m_plannerStatus);
    return w;
}

void ResourcingPage::rememberFilterValues()
{
    // Practices, countries and roles seen so far become choices of their filters.
    for (int row = 0; row < m_planner->personCount(); ++row) {
        const PlannerPerson &p = m_planner->person(row);
        for (const auto &[combo, value] :
             {std::pair{m_practice, p.practice}, std::pair{m_country, p.country},
              std::pair{m_role, p.role}})
            if (!value.isEmpty() && combo->findData(value) < 0)
                combo->addItem(value, value);
    }
}

void ResourcingPage::reloadPlanner()
{
    m_planner->setRange(m_from->date(), 26);
    m_planner->setFilter(QStringLiteral("practice"), comboValue(m_practice));
    m_planner->setFilter(QStringLiteral("skill"), comboValue(m_skill));
    m_planner->setFilter(QStringLiteral("country"), comboValue(m_country));
    m_planner->setFilter(QStringLiteral("role"), comboValue(m_role));
    m_planner->reload();
}

void ResourcingPage::bookSelection()
{
    int row = 0;
    int lo = 0;
    int hi = 0;
    if (!m_plannerView->selectedRange(&row, &lo, &hi)) {
        QMessageBox::information(this, tr("Book weeks"),
                                 tr("Select one or more weeks of a person in the planner."));
        return;
    }
    book(row, lo, hi);
}

void ResourcingPage::book(int row, int firstColumn, int lastColumn)
{
    const PlannerPerson &p = m_planner->person(row);
    AssignmentDialog dialog(m_session->api(), p.id, p.name, m_planner->weekStart(firstColumn),
                            m_planner->weekStart(lastColumn).addDays(4), this);
    if (dialog.exec() == QDialog::Accepted)
        m_planner->reload();
}

void ResourcingPage::dragged(int row, int firstColumn, int lastColumn)
{
    const PlannerCell &start = m_planner->cell(row, firstColumn);
    if (start.hard + start.soft == 0) {
        book(row, firstColumn, lastColumn);
        return;
    }
    auto *staffing = new Staffing(m_session->api(), this);
    connect(staffing, &Staffing::assignmentsLoaded, this,
            [this, staffing, row, firstColumn, lastColumn](const QJsonArray &assignments) {
                staffing->deleteLater();
                stretchOrBook(row, firstColumn, lastColumn, assignments);
            });
    const QDate week = m_planner->weekStart(firstColumn);
    staffing->loadAssignments(m_planner->person(row).id, week, week.addDays(4));
}

void ResourcingPage::stretchOrBook(int row, int firstColumn, int lastColumn,
                                   const QJsonArray &assignments)
{
    const QDate newEnd = m_planner->weekStart(lastColumn).addDays(4); // that week's Friday
    QJsonObject target;
    for (const QJsonValue &v : assignments) {
        const QJsonObject a = v.toObject();
        const QDate end = QDate::fromString(a.value("end_date").toString(), Qt::ISODate);
        if (end < newEnd &&
            (target.isEmpty() ||
             end > QDate::fromString(target.value("end_date").toString(), Qt::ISODate)))
            target = a;
    }
    if (target.isEmpty()) {
        book(row, firstColumn, lastColumn);
        return;
    }
    const PlannerPerson &p = m_planner->person(row);
    const QString what = textOf(firstOf(target, {"project_name", "opportunity_name"}));
    const auto answer = QMessageBox::question(
        this, tr("Stretch booking"),
        tr("Stretch %1's booking on %2 (%3 h/week) from %4 to %5?")
            .arg(p.name, what, sales::formatDecimalText(target.value("hours_per_week").toString()),
                 sales::formatDateText(target.value("end_date").toString()),
                 QLocale().toString(newEnd, QStringLiteral("d MMM yyyy"))),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::No) {
        book(row, firstColumn, lastColumn);
        return;
    }
    if (answer != QMessageBox::Yes)
        return;
    if (!m_stretcher) {
        m_stretcher = new Staffing(m_session->api(), this);
        connect(m_stretcher, &Staffing::booked, m_planner, &PlannerModel::reload);
        connect(m_stretcher, &Staffing::bookingFailed, this, [this](const QString &message) {
            QMessageBox::warning(this, tr("Stretch booking"), message);
        });
    }
    const QString id = sales::idText(target.value("id"));
    const QString end = newEnd.toString(Qt::ISODate);
    const int version = target.value("version").toInt();
    disconnect(m_stretcher, &Staffing::overAllocation, this, nullptr);
    connect(m_stretcher, &Staffing::overAllocation, this,
            [this, id, end, version](const QString &message) {
                if (QMessageBox::question(this, tr("Over-allocation"),
                                          tr("%1\n\nStretch anyway? As resource manager you "
                                             "confirm the over-allocation.")
                                              .arg(message)) == QMessageBox::Yes)
                    m_stretcher->stretch(id, end, version, true);
            });
    m_stretcher->stretch(id, end, version);
}

QWidget *ResourcingPage::requestsTab()
{
    auto *model = new sales::PagedListModel(
        m_session->api(), ResourcingPath::requests(),
        {{"job_role", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Role"), F::Text, {}},
         {"project_name", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Project"), F::Text, {}},
         {"opportunity_name",
          QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Opportunity"),
          F::Text,
          {}},
         {"kind", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Kind"), F::Text, {}},
         {"hours_per_week",
          QT_TRANSLATE_NOOP("keel::resourcing::Columns", "h / week"),
          F::Decimal,
          {}},
         {"start_date", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "From"), F::Date, {}},
         {"end_date", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "To"), F::Date, {}},
         {"status", QT_TRANSLATE_NOOP("keel::resourcing::Columns", "Status"), F::Text, {}}},
        this);
    model->setFilter(QStringLiteral("status"), QStringLiteral("open"));
    m_requests = new sales::ListPanel(model);
    m_requests->setObjectName("requestsList");
    auto *codes = new CodeDelegate(m_requests);
    for (int column : {0, 3, 7})
        m_requests->view()->setItemDelegateForColumn(column, codes);
    QHeaderView *header = m_requests->view()->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    m_requests->setEmptyText(tr("No open resource requests. Projects and likely opportunities "
                                "ask for people here."));
    auto *suggest = new QPushButton(tr("Suggestions…"));
    suggest->setObjectName("suggestionsButton");
    suggest->setProperty("primary", true);
    const auto open = [this, model] {
        const int row = m_requests->view()->currentIndex().row();
        if (row < 0) {
            QMessageBox::information(this, tr("Staffing suggestions"),
                                     tr("Select a request in the list first."));
            return;
        }
        openSuggestions(model->rowObject(row));
    };
    connect(suggest, &QPushButton::clicked, this, open);
    connect(m_requests, &sales::ListPanel::activated, this, open);
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(suggest);
    layout->addLayout(bar);
    layout->addWidget(m_requests, 1);
    return w;
}

SuggestionsDialog *ResourcingPage::openSuggestions(const QJsonObject &request)
{
    auto *dialog = new SuggestionsDialog(m_session->api(), request, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SuggestionsDialog::assigned, this, [this] {
        m_requests->model()->reload();
        m_planner->reload();
    });
    dialog->show();
    return dialog;
}

QWidget *ResourcingPage::capacityTab()
{
    m_capacity = new CapacityModel(this);
    m_groupBy = new QComboBox;
    m_groupBy->setObjectName("groupByCombo");
    m_groupBy->addItem(tr("By role"), QStringLiteral("role"));
    m_groupBy->addItem(tr("By skill"), QStringLiteral("skill"));
    m_groupBy->addItem(tr("By practice"), QStringLiteral("practice"));
    m_groupBy->addItem(tr("By country"), QStringLiteral("country"));
    connect(m_groupBy, &QComboBox::activated, this, &ResourcingPage::reloadCapacity);
    m_capacityStatus = new QLabel;
    m_capacityStatus->setObjectName("pageSummary");
    m_capacityStatus->setWordWrap(true);
    auto *view = new QTableView;
    view->setObjectName("capacityView");
    view->setModel(m_capacity);
    view->setItemDelegate(new CapacityDelegate(view));
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setDefaultSectionSize(64);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(26);
    view->verticalHeader()->setMinimumWidth(170);
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_groupBy);
    bar->addWidget(m_capacityStatus, 1);
    layout->addLayout(bar);
    layout->addWidget(view, 1);
    return w;
}

void ResourcingPage::reloadCapacity()
{
    m_capacityStatus->setText(tr("Loading capacity and demand…"));
    ApiReply *reply = m_session->api()->get(
        ResourcingPath::capacity(m_from->date(), 26, m_groupBy->currentData().toString()));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            m_capacityStatus->setText(humanMessage(reply->problem()));
            return;
        }
        m_capacity->setFromJson(reply->object());
        m_capacityStatus->setText(
            tr("Free hours per week: available hours after holidays and leave, less hard demand "
               "from projects and probability-weighted soft demand from the pipeline. Red: "
               "demand exceeds capacity. Hover a cell for the figures."));
    });
}

void ResourcingPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        reloadPlanner();
    }
}

} // namespace keel::resourcing
