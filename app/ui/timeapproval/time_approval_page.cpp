#include "time_approval_page.h"

#include "json_codec.h"
#include "list_style.h"
#include "row_highlight_delegate.h"
#include "sales_format.h"
#include "session.h"
#include "time_approval_model.h"

#include <QComboBox>
#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace keel::timeapproval {

using sales::formatDateText;
using sales::idText;

namespace {
// Adds (id, text) to a filter combo unless it is there; keeps the "all" entry first.
void remember(QComboBox *combo, const QString &id, const QString &text)
{
    if (id.isEmpty() || combo->findData(id) >= 0)
        return;
    int at = 1;
    while (at < combo->count() && combo->itemText(at).localeAwareCompare(text) < 0)
        ++at;
    combo->insertItem(at, text, id);
}

QDate mondayOf(QDate d)
{
    return d.addDays(1 - d.dayOfWeek());
}
} // namespace

TimeApprovalPage::TimeApprovalPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new TimeApprovalModel(session->api(), this)),
      m_view(new QTableView), m_project(new QComboBox), m_person(new QComboBox),
      m_week(new QComboBox), m_summary(new QLabel), m_message(new QLabel), m_empty(new QLabel),
      m_tickAll(new QPushButton), m_approve(new QPushButton), m_reject(new QPushButton)
{
    setObjectName("timeApprovalPage");
    auto *title = new QLabel(tr("Approve time"));
    title->setObjectName("pageTitle");
    auto *intro = new QLabel(tr("Submitted hours on the projects you manage. Tick lines, or "
                                "select rows and press Space, then approve or reject them. "
                                "Amber lines are outside the person's assignment."));
    intro->setObjectName("pageSummary");
    intro->setWordWrap(true);

    m_project->setObjectName("projectFilter");
    m_person->setObjectName("personFilter");
    m_week->setObjectName("weekFilter");
    m_project->addItem(tr("All projects"), QString());
    m_person->addItem(tr("All people"), QString());
    m_week->addItem(tr("All weeks"), QString());
    const QDate thisMonday = mondayOf(QDate::currentDate());
    for (int i = 0; i < 8; ++i) {
        const QDate m = thisMonday.addDays(-7 * i);
        m_week->addItem(tr("Week of %1").arg(formatDateText(formatDate(m))), formatDate(m));
    }
    for (QComboBox *c : {m_project, m_person, m_week}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        c->setMinimumWidth(170);
        connect(c, &QComboBox::activated, this, &TimeApprovalPage::applyFilters);
    }
    auto *filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(new QLabel(tr("Project")));
    filters->addWidget(m_project);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Person")));
    filters->addWidget(m_person);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Week")));
    filters->addWidget(m_week);
    filters->addStretch(1);
    m_tickAll->setObjectName("tickAllButton");
    m_tickAll->setText(tr("Tick all matching"));
    m_tickAll->setToolTip(tr("Ticks every line the filters match, including those not loaded "
                             "yet."));
    filters->addWidget(m_tickAll);

    m_view->setModel(m_model);
    styleListView(m_view);
    m_view->setObjectName("timeApprovalView");
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    QHeaderView *h = m_view->horizontalHeader();
    h->setStretchLastSection(true);
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->resizeSection(TimeApprovalModel::CheckColumn, 34);
    h->resizeSection(TimeApprovalModel::PersonColumn, 160);
    h->resizeSection(TimeApprovalModel::DateColumn, 100);
    h->resizeSection(TimeApprovalModel::ProjectColumn, 170);
    h->resizeSection(TimeApprovalModel::TaskColumn, 150);
    h->resizeSection(TimeApprovalModel::HoursColumn, 70);
    h->resizeSection(TimeApprovalModel::BillableColumn, 80);
    m_view->installEventFilter(this);
    // Amber wash: allowed, but the PM should look twice.
    m_view->setItemDelegate(new RowHighlightDelegate(TimeApprovalModel::OutsideAssignmentRole,
                                                     QColor(0xFF, 0xF1, 0xD6), QColor(), m_view));

    m_empty->setObjectName("emptyState");
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *holder = new QWidget;
    auto *stack = new QStackedLayout(holder);
    stack->addWidget(m_view);
    stack->addWidget(m_empty);

    m_message->setObjectName("boardMessage");
    m_message->setWordWrap(true);
    m_message->hide();
    m_summary->setObjectName("selectionSummary");
    m_approve->setObjectName("approveButton");
    m_reject->setObjectName("rejectButton");
    m_approve->setText(tr("Approve selected"));
    m_reject->setText(tr("Reject selected…"));
    m_approve->setProperty("primary", true);
    m_approve->setDefault(true);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_summary, 1);
    actions->addWidget(m_reject);
    actions->addWidget(m_approve);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 18);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(filters);
    layout->addWidget(m_message);
    layout->addWidget(holder, 1);
    layout->addLayout(actions);

    connect(m_tickAll, &QPushButton::clicked, this, [this] {
        const bool all = m_model->allLoaded() && m_model->checkedCount() == m_model->rowCount() &&
                         m_model->rowCount() > 0;
        m_model->checkAllMatching(!all);
    });
    connect(m_approve, &QPushButton::clicked, this, &TimeApprovalPage::approveChecked);
    connect(m_reject, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(
            this, tr("Reject %n line(s)", nullptr, m_model->checkedCount()),
            tr("Tell the consultant why (required). The lines go back to them as drafts with "
               "this comment:"),
            QString(), &ok);
        if (!ok)
            return;
        if (comment.trimmed().isEmpty()) {
            showMessage(tr("Nothing was rejected: a rejection needs a comment."), true);
            return;
        }
        rejectChecked(comment);
    });
    connect(m_model, &TimeApprovalModel::checkedChanged, this, &TimeApprovalPage::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimeApprovalPage::updateSummary);
    connect(m_model, &TimeApprovalModel::pageLoaded, this, [this, stack] {
        rememberChoices();
        updateSummary();
        updateCount();
        const bool empty = m_model->rowCount() == 0;
        m_empty->setText(!m_model->lastError().isEmpty()
                             ? m_model->lastError()
                             : tr("No submitted time waits for you with these filters. Lines "
                                  "appear here when consultants submit their week."));
        stack->setCurrentIndex(empty ? 1 : 0);
    });
    connect(m_model, &TimeApprovalModel::decided, this, [this](bool approved, int lines) {
        // Whole words in English too ("1 line", "3 lines"), not "line(s)".
        const QString text =
            approved ? (lines == 1 ? tr("1 line approved.") : tr("%1 lines approved.").arg(lines))
                     : (lines == 1 ? tr("1 line rejected; it is back with the consultant with "
                                        "your comment.")
                                   : tr("%1 lines rejected; they are back with the consultant "
                                        "with your comment.")
                                         .arg(lines));
        showMessage(text, false);
        emit decided();
    });
    connect(m_model, &TimeApprovalModel::decisionFailed, this, [this](int, const QString &text) {
        showMessage(text, true);
        updateSummary();
    });
    updateSummary();
    // Loaded right away, not when first shown, so the tab says how many lines wait.
    QTimer::singleShot(0, this, [this] {
        if (!m_loadedOnce)
            reload();
    });
}

void TimeApprovalPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        reload();
    }
}

bool TimeApprovalPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Space) {
        toggleSelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void TimeApprovalPage::reload()
{
    m_loadedOnce = true;
    m_model->reload();
}

void TimeApprovalPage::applyFilters()
{
    m_model->setProjectFilter(m_project->currentData().toString());
    m_model->setEmployeeFilter(m_person->currentData().toString());
    m_model->setWeekFilter(m_week->currentData().toString());
    m_message->hide();
    reload();
}

void TimeApprovalPage::setProjectFilter(const QString &projectId)
{
    remember(m_project, projectId, projectId);
    m_project->setCurrentIndex(std::max(0, m_project->findData(projectId)));
    applyFilters();
}

void TimeApprovalPage::setEmployeeFilter(const QString &employeeId)
{
    remember(m_person, employeeId, employeeId);
    m_person->setCurrentIndex(std::max(0, m_person->findData(employeeId)));
    applyFilters();
}

void TimeApprovalPage::setWeekFilter(const QString &monday)
{
    remember(m_week, monday, tr("Week of %1").arg(formatDateText(monday)));
    m_week->setCurrentIndex(std::max(0, m_week->findData(monday)));
    applyFilters();
}

// The filter choices grow from what the server sent, so a PM picks names, not ids.
void TimeApprovalPage::rememberChoices()
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QJsonObject l = m_model->line(r);
        const QString pid = idText(l.value("project_id"));
        const QString eid = idText(l.value("employee_id"));
        const int pAt = m_project->findData(pid);
        if (pAt > 0 && m_project->itemText(pAt) == pid) // a placeholder set by id
            m_project->setItemText(pAt, l.value("project_name").toString());
        remember(m_project, pid, l.value("project_name").toString());
        const int eAt = m_person->findData(eid);
        if (eAt > 0 && m_person->itemText(eAt) == eid)
            m_person->setItemText(eAt, l.value("employee_name").toString());
        remember(m_person, eid, l.value("employee_name").toString());
    }
}

void TimeApprovalPage::toggleSelectedRows()
{
    QList<int> rows;
    bool allTicked = true;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        rows.append(i.row());
        allTicked = allTicked && m_model->isChecked(i.row());
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid()) {
        rows.append(m_view->currentIndex().row());
        allTicked = m_model->isChecked(rows.first());
    }
    m_model->setCheckedRows(rows, !allTicked);
}

void TimeApprovalPage::approveChecked()
{
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_model->approveChecked();
}

void TimeApprovalPage::rejectChecked(const QString &comment)
{
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    m_model->rejectChecked(comment);
}

QString TimeApprovalPage::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

QString TimeApprovalPage::selectionSummary() const
{
    return m_summary->text();
}

void TimeApprovalPage::updateSummary()
{
    const int n = m_model->checkedCount();
    const QString total = TimeApprovalModel::hoursText(m_model->checkedHours().toString(2));
    m_summary->setText(n == 0   ? tr("No lines ticked.")
                       : n == 1 ? tr("1 line ticked · %1 h").arg(total)
                                : tr("%1 lines ticked · %2 h").arg(n).arg(total));
    m_approve->setEnabled(n > 0);
    m_reject->setEnabled(n > 0);
    m_tickAll->setText(m_model->allLoaded() && n > 0 && n == m_model->rowCount()
                           ? tr("Untick all")
                           : tr("Tick all matching"));
}

QString TimeApprovalPage::countText() const
{
    const int n = m_model->rowCount();
    return m_model->allLoaded() ? QString::number(n) : QStringLiteral("%1+").arg(n);
}

void TimeApprovalPage::updateCount()
{
    const QString count = countText();
    // The tab says how much waits, wherever the page was added.
    for (QWidget *w = parentWidget(); w; w = w->parentWidget())
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            const int at = tabs->indexOf(this);
            if (at >= 0)
                tabs->setTabText(at, m_model->rowCount() == 0 ? tr("Approve time")
                                                              : tr("Approve time (%1)").arg(count));
            break;
        }
    emit countChanged(count);
}

void TimeApprovalPage::showMessage(const QString &text, bool error)
{
    showOutcome(m_message, text, error);
}

} // namespace keel::timeapproval
