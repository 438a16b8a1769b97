#include "timesheet_page.h"

#include "local_store.h"
#include "sync_engine.h"
#include "timesheet_model.h"
#include "timesheet_view.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QVBoxLayout>

#include <set>

namespace keel::timesheet {

using offline::SyncState;
using offline::TimesheetModel;

namespace {

qint64 idOf(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : qint64(v.toDouble());
}

QPushButton *button(const QString &objectName, QWidget *parent = nullptr)
{
    auto *b = new QPushButton(parent);
    b->setObjectName(objectName);
    b->setAutoDefault(false);
    // Never narrower than their text: a squeezed bar clipped "Copy last week" to "opy last wee".
    b->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    return b;
}

} // namespace

TimesheetPage::TimesheetPage(offline::LocalStore *store, offline::SyncEngine *engine,
                             QWidget *parent)
    : QWidget(parent), m_store(store), m_engine(engine), m_model(new TimesheetModel(store, this)),
      m_grid(new TimesheetView), m_weekLabel(new QLabel), m_totals(new QLabel),
      m_banner(new QLabel), m_message(new QLabel), m_cellInfo(new QLabel), m_note(new QLineEdit),
      m_prev(button("previousWeek")), m_next(button("nextWeek")), m_today(button("thisWeek")),
      m_copy(button("copyLastWeek")), m_addRow(button("addRow")), m_submit(button("submitWeek")),
      m_keepMine(button("keepMine")), m_takeServers(button("takeServers")),
      m_addRowMenu(new QMenu(this))
{
    setObjectName("timesheetPage");
    m_weekLabel->setObjectName("weekLabel");
    m_totals->setObjectName("weekTotals");
    m_banner->setObjectName("timesheetBanner");
    m_message->setObjectName("timesheetMessage");
    m_cellInfo->setObjectName("cellInfo");
    m_note->setObjectName("cellNote");
    m_grid->setTimesheetModel(m_model);

    // Arrows only: the bar has seven controls and must fit a 1,200-pixel window.
    m_prev->setText(QStringLiteral("\u25C0"));
    m_prev->setToolTip(tr("Previous week (Alt+Left)"));
    m_prev->setAccessibleName(tr("Previous week"));
    for (QPushButton *arrow : {m_prev, m_next})
        arrow->setStyleSheet(QStringLiteral("QPushButton { min-width: 20px; }"));
    m_next->setText(QStringLiteral("\u25B6"));
    m_next->setToolTip(tr("Next week (Alt+Right)"));
    m_next->setAccessibleName(tr("Next week"));
    m_today->setText(tr("This week"));
    m_copy->setText(tr("Copy last week"));
    m_copy->setToolTip(tr("Fill the empty cells with last week's hours and notes"));
    m_addRow->setText(tr("Add row\u2026"));
    m_addRow->setToolTip(tr("Add a project or task from your assignments (Ctrl+R)"));
    m_addRow->setMenu(m_addRowMenu);
    m_submit->setText(tr("Submit week"));
    m_submit->setToolTip(tr("Send this week's draft hours for approval (Ctrl+Shift+S)"));
    m_keepMine->setText(tr("Keep mine as a new entry"));
    m_takeServers->setText(tr("Take the server's"));
    QFont weekFont = m_weekLabel->font();
    weekFont.setBold(true);
    weekFont.setPointSizeF(weekFont.pointSizeF() * 1.15);
    m_weekLabel->setFont(weekFont);
    m_weekLabel->setMinimumWidth(260);
    m_weekLabel->setAlignment(Qt::AlignCenter);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_prev);
    bar->addWidget(m_weekLabel);
    bar->addWidget(m_next);
    bar->addWidget(m_today);
    bar->addStretch(1);
    bar->addWidget(m_copy);
    bar->addWidget(m_addRow);
    bar->addWidget(m_submit);

    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel#timesheetBanner { background: #FFF4D6; border: 1px solid #F0D58A; "
                       "border-radius: 6px; padding: 8px 12px; color: #5C4400; }"));
    m_banner->hide();
    m_message->setWordWrap(true);
    m_message->hide();

    auto *noteLabel = new QLabel(tr("&Note:"));
    noteLabel->setBuddy(m_note);
    m_note->setPlaceholderText(tr("A note for the selected day's hours (Enter saves)"));
    m_note->setClearButtonEnabled(true);
    m_cellInfo->setWordWrap(true);
    m_cellInfo->setTextFormat(Qt::PlainText);
    m_keepMine->hide();
    m_takeServers->hide();

    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(noteLabel);
    noteRow->addWidget(m_note, 1);
    auto *cellRow = new QHBoxLayout;
    cellRow->addWidget(m_cellInfo, 1);
    cellRow->addWidget(m_keepMine);
    cellRow->addWidget(m_takeServers);
    auto *foot = new QHBoxLayout;
    foot->addWidget(m_totals, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_grid, 1);
    layout->addLayout(foot);
    layout->addLayout(noteRow);
    layout->addLayout(cellRow);
    layout->addWidget(m_message);

    connect(m_prev, &QPushButton::clicked, this, &TimesheetPage::previousWeek);
    connect(m_next, &QPushButton::clicked, this, &TimesheetPage::nextWeek);
    connect(m_today, &QPushButton::clicked, this, [this] { showWeek(now().date()); });
    connect(m_copy, &QPushButton::clicked, this, &TimesheetPage::copyLastWeek);
    connect(m_submit, &QPushButton::clicked, this, &TimesheetPage::submitWeek);
    connect(m_addRowMenu, &QMenu::aboutToShow, this, &TimesheetPage::buildAddRowMenu);
    connect(new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), this), &QShortcut::activated, this,
            &TimesheetPage::previousWeek);
    connect(new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), this), &QShortcut::activated, this,
            &TimesheetPage::nextWeek);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), this), &QShortcut::activated,
            m_addRow, &QPushButton::showMenu);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this),
            &QShortcut::activated, this, &TimesheetPage::submitWeek);
    connect(m_note, &QLineEdit::returnPressed, this, [this] {
        saveNote();
        m_grid->setFocus();
    });
    connect(
        new QShortcut(QKeySequence(Qt::Key_Escape), m_note, nullptr, nullptr, Qt::WidgetShortcut),
        &QShortcut::activated, this, [this] {
            updateCellPanel();
            m_grid->setFocus();
        });
    connect(m_keepMine, &QPushButton::clicked, this, [this] {
        const QUuid id = m_grid->currentIndex().data(TimesheetModel::EntryIdRole).toUuid();
        if (!id.isNull() && !m_store->keepMineAsNew(id).isNull())
            showMessage(tr("Your hours were kept as a new entry; they will be sent again."));
    });
    connect(m_takeServers, &QPushButton::clicked, this, [this] {
        const QUuid id = m_grid->currentIndex().data(TimesheetModel::EntryIdRole).toUuid();
        if (!id.isNull() && m_store->takeServers(id))
            showMessage(tr("Your change was dropped; the server's version stands."));
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TimesheetPage::updateCellPanel);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &TimesheetPage::updateCellPanel, Qt::UniqueConnection);
    });
    connect(m_model, &TimesheetModel::totalsChanged, this, [this] {
        updateHeader();
        updateBanner();
        updateCellPanel();
    });
    connect(m_model, &TimesheetModel::saveFailed, this,
            [this](const QString &message) { showMessage(message, true); });
    if (m_engine) {
        connect(m_engine, &offline::SyncEngine::weekSubmitted, this,
                [this](const QDate &monday, bool ok, const QString &message) {
                    const QString week = QLocale().toString(monday, QLocale::ShortFormat);
                    showMessage(ok ? tr("The week of %1 was submitted for approval.").arg(week)
                                   : tr("The week of %1 was not submitted: %2").arg(week, message),
                                !ok);
                });
        connect(m_engine, &offline::SyncEngine::onlineChanged, this, &TimesheetPage::updateBanner);
    }
    setFocusProxy(m_grid);
    updateHeader();
    updateBanner();
    updateCellPanel();
}

QDateTime TimesheetPage::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

void TimesheetPage::setNow(const QDateTime &now)
{
    m_now = now;
    updateBanner();
}

QString TimesheetPage::bannerText() const
{
    return m_banner->isVisible() || !m_banner->isHidden() ? m_banner->text() : QString();
}

void TimesheetPage::showWeek(const QDate &anyDay)
{
    const QModelIndex cur = m_grid->currentIndex();
    m_model->setWeek(anyDay);
    m_message->hide();
    // Keep the cursor's column so the keyboard user stays oriented.
    const int col = cur.isValid() ? cur.column() : TimesheetModel::FirstDayColumn;
    m_grid->setCurrentIndex(m_model->index(0, col));
    updateHeader();
    updateBanner();
}

void TimesheetPage::previousWeek()
{
    showWeek(m_model->week().addDays(-7));
}

void TimesheetPage::nextWeek()
{
    showWeek(m_model->week().addDays(7));
}

void TimesheetPage::copyLastWeek()
{
    const int n = m_model->copyLastWeek();
    showMessage(n == 0   ? tr("Nothing to copy: last week has no hours for the empty cells.")
                : n == 1 ? tr("Copied 1 entry from last week.")
                         : tr("Copied %1 entries from last week.").arg(n));
}

void TimesheetPage::addRow(qint64 projectId, qint64 taskId)
{
    const int row = m_model->addRow(projectId, taskId);
    if (row >= 0) {
        m_grid->setCurrentIndex(m_model->index(row, TimesheetModel::FirstDayColumn));
        m_grid->setFocus();
    }
}

void TimesheetPage::submitWeek()
{
    if (!m_engine)
        return;
    if (m_model->draftCount() == 0) {
        showMessage(tr("Nothing to submit: this week has no draft or rejected hours."));
        return;
    }
    const QString week = QLocale().toString(m_model->week(), QLocale::ShortFormat);
    const bool online = m_engine->isOnline() && m_engine->isEnabled();
    m_engine->submitWeek(m_model->week());
    updateBanner();
    showMessage(online ? tr("Submitting the week of %1\u2026").arg(week)
                       : tr("You are offline: the week of %1 will be submitted as soon as Keel "
                            "reaches the server.")
                             .arg(week));
}

void TimesheetPage::buildAddRowMenu()
{
    m_addRowMenu->clear();
    const QJsonArray projects = m_store->projects();
    std::set<qint64> assigned;
    for (const QJsonValue &a : m_store->assignments())
        assigned.insert(idOf(a.toObject().value("project_id")));
    auto addProject = [this](QMenu *menu, const QJsonObject &p) {
        const qint64 pid = idOf(p.value("id"));
        const QString name = p.value("name").toString();
        // Closed projects and tasks take no time (the server would refuse it).
        if (p.value("status").toString() == QLatin1String("closed"))
            return;
        QJsonArray tasks;
        for (const QJsonValue &t : m_store->tasks(pid))
            if (t.toObject().value("status").toString() != QLatin1String("closed"))
                tasks.append(t);
        if (tasks.isEmpty()) {
            menu->addAction(name, this, [this, pid] { addRow(pid, 0); });
            return;
        }
        QMenu *sub = menu->addMenu(name);
        for (const QJsonValue &t : tasks) {
            const QJsonObject task = t.toObject();
            const qint64 tid = idOf(task.value("id"));
            sub->addAction(task.value("name").toString(), this,
                           [this, pid, tid] { addRow(pid, tid); });
        }
    };
    m_addRowMenu->addSection(tr("My assignments"));
    int mine = 0;
    for (const QJsonValue &v : projects)
        if (assigned.count(idOf(v.toObject().value("id")))) {
            addProject(m_addRowMenu, v.toObject());
            ++mine;
        }
    if (mine == 0)
        m_addRowMenu->addAction(tr("(no assignments)"))->setEnabled(false);
    QMenu *others = m_addRowMenu->addMenu(tr("Other projects"));
    for (const QJsonValue &v : projects)
        if (!assigned.count(idOf(v.toObject().value("id"))))
            addProject(others, v.toObject());
    others->setEnabled(!others->isEmpty());
    if (projects.isEmpty())
        m_addRowMenu->addAction(tr("No projects yet: connect once to fetch them."))
            ->setEnabled(false);
}

void TimesheetPage::updateHeader()
{
    const QDate monday = m_model->week();
    const QDate sunday = monday.addDays(6);
    const QLocale locale;
    m_weekLabel->setText(tr("Week %1 \u00B7 %2 \u2013 %3")
                             .arg(monday.weekNumber())
                             .arg(locale.toString(monday, QStringLiteral("d MMM")),
                                  locale.toString(sunday, QStringLiteral("d MMM yyyy"))));
    const QString total = m_model->weekTotal().toString(2);
    const QString capacity = m_model->capacity().toString(2);
    QString text = tr("%1 of %2 hours entered").arg(total, capacity);
    const int problems = m_model->problemCount();
    if (problems > 0)
        text += QStringLiteral("  \u00B7  ") +
                (problems == 1 ? tr("1 entry needs your attention (red or amber)")
                               : tr("%1 entries need your attention (red or amber)").arg(problems));
    m_totals->setText(text);
}

void TimesheetPage::updateBanner()
{
    QStringList lines;
    const QDateTime t = now();
    const QDate monday = m_model->week();
    const bool thisWeek = TimesheetModel::mondayOf(t.date()) == monday;
    const bool endOfWeek =
        t.date().dayOfWeek() > 5 || (t.date().dayOfWeek() == 5 && t.time().hour() >= 12);
    if (thisWeek && endOfWeek && m_model->weekTotal() < m_model->capacity()) {
        const auto missing = m_model->capacity().subtract(m_model->weekTotal());
        lines << tr("It is the end of the week and %1 hours are still missing from your "
                    "timesheet. Please complete and submit it.")
                     .arg(missing ? missing->toString(2) : QString());
    }
    if (m_engine && !(m_engine->isOnline() && m_engine->isEnabled()))
        lines << tr("You are working offline. Your hours are saved on this computer and sent "
                    "when Keel reaches the server.");
    for (const QDate &w : m_engine ? m_engine->pendingSubmissions() : QList<QDate>())
        if (w == monday)
            lines << tr("This week will be submitted as soon as Keel reaches the server.");
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setVisible(!lines.isEmpty());
}

void TimesheetPage::updateCellPanel()
{
    const QModelIndex cur = m_grid->currentIndex();
    const bool day = m_model->isDayCell(cur);
    const bool hasEntry = day && !cur.data(TimesheetModel::EntryIdRole).isNull();
    if (!m_note->hasFocus())
        m_note->setText(day ? cur.data(TimesheetModel::NoteRole).toString() : QString());
    m_note->setEnabled(hasEntry && (m_model->flags(cur) & Qt::ItemIsEditable));
    const auto sync = SyncState(cur.data(TimesheetModel::SyncStateRole).toInt());
    const QString problem = cur.data(TimesheetModel::ProblemRole).toString();
    QString info;
    if (day) {
        const QString when =
            QLocale().toString(m_model->dateOfColumn(cur.column()), QLocale::LongFormat);
        const QString label =
            m_model->index(cur.row(), TimesheetModel::LabelColumn).data().toString();
        info = QStringLiteral("%1 \u00B7 %2").arg(label, when);
        if (!problem.isEmpty())
            info += QStringLiteral("\n") + problem;
        else if (cur.data(TimesheetModel::DirtyRole).toBool())
            info += QStringLiteral("\n") + tr("Saved on this computer, not yet on the server.");
        else if (hasEntry)
            info += QStringLiteral("\n") +
                    tr("Status: %1").arg(cur.data(TimesheetModel::StatusRole).toString());
    }
    m_cellInfo->setText(info);
    m_cellInfo->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #A31B1B;"));
    m_keepMine->setVisible(sync == SyncState::Conflict);
    m_takeServers->setVisible(sync == SyncState::Conflict || sync == SyncState::Rejected);
    m_takeServers->setText(sync == SyncState::Rejected ? tr("Discard my change")
                                                       : tr("Take the server's"));
}

void TimesheetPage::saveNote()
{
    const QModelIndex cur = m_grid->currentIndex();
    if (!m_model->isDayCell(cur))
        return;
    if (m_model->setNote(cur, m_note->text().trimmed()))
        showMessage(tr("Note saved."));
}

void TimesheetPage::showMessage(const QString &text, bool warning)
{
    m_message->setText(text);
    m_message->setStyleSheet(warning ? QStringLiteral("color: #A31B1B;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace keel::timesheet
