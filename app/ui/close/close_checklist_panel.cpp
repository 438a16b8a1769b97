#include "close_checklist_panel.h"

#include "api_client.h"
#include "api_reply.h"
#include "billing_format.h"
#include "close_api.h"
#include "close_checklist_model.h"
#include "close_lights.h"
#include "close_records_dialog.h"
#include "close_reopen_dialog.h"
#include "close_run_job.h"
#include "close_text.h"
#include "finance/finance_widgets.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::closing {

namespace {
QPushButton *button(const QString &text, const char *name, const QString &tip)
{
    auto *b = new QPushButton(text);
    b->setObjectName(QString::fromLatin1(name));
    b->setToolTip(tip);
    return b;
}

// Hides what needs nothing more (green, or amber and signed off) when asked: what is left of
// the close in one glance.
class OpenItemsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setOnlyOpen(bool on)
    {
        m_onlyOpen = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_onlyOpen)
            return true;
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        const QString state = i.data(CloseChecklistModel::StateRole).toString();
        return state == QLatin1String("red") ||
               (state == QLatin1String("amber") &&
                !i.data(CloseChecklistModel::SignedOffRole).toBool());
    }

private:
    bool m_onlyOpen = false;
};

bool isRunTask(const QString &task)
{
    return task == QLatin1String("revenue_recognition") ||
           task == QLatin1String("subcontractor_accruals") ||
           task == QLatin1String("fx_revaluation") || task == QLatin1String("intercompany");
}
} // namespace

CloseChecklistPanel::CloseChecklistPanel(ApiClient *api, const QString &userId, bool canManage,
                                         bool canApprove, QWidget *parent)
    : QWidget(parent), m_api(api), m_userId(userId), m_canManage(canManage),
      m_canApprove(canApprove), m_checklist(new CloseChecklistModel(api, this)),
      m_job(new CloseRunJob(api, this)), m_title(finance::sectionLabel(QString())),
      m_state(new QLabel), m_counts(new QLabel),
      m_softClose(button(tr("Soft close"), "softCloseButton",
                         tr("Stops time entries and expenses dated in the period; finance "
                            "journals, invoices and runs still post."))),
      m_hardClose(button(tr("Hard close"), "hardCloseButton",
                         tr("Stops every posting dated in the period."))),
      m_reopen(button(tr("Request reopen…"), "reopenButton",
                      tr("Asks a controller to reopen the period."))),
      m_view(finance::financeTable("closeChecklist")), m_filter(new OpenItemsFilter(this)),
      m_onlyOpen(new QCheckBox(tr("Only what is left"))),
      m_records(button(tr("Show records"), "closeRecordsButton",
                       tr("The records behind the selected item."))),
      m_run(button(tr("Run"), "closeRunButton", tr("Runs the selected item again."))),
      m_runAll(button(tr("Run all"), "closeRunAllButton",
                      tr("Revenue recognition, accruals, FX revaluation and intercompany "
                         "charges, one after the other."))),
      m_signOff(button(tr("Sign off"), "closeSignOffButton",
                       tr("Accepts an amber item's warnings as reviewed; red items cannot be "
                          "signed off."))),
      m_responsible(button(tr("Make me responsible"), "closeResponsibleButton",
                           tr("You become the person responsible for the selected item."))),
      m_progress(new QProgressBar), m_step(new QLabel)
{
    setObjectName("closeChecklistPanel");
    m_state->setObjectName("closePeriodState");
    m_counts->setObjectName("closeCounts");
    m_counts->setStyleSheet(QStringLiteral("color:#5d6878;"));
    m_softClose->setVisible(canManage);
    m_reopen->setVisible(canManage);
    // A finance user never sees the hard close: it is a controller's step.
    m_hardClose->setVisible(canApprove);
    m_hardClose->setProperty("danger", true);
    for (QPushButton *b : {m_run, m_runAll, m_signOff, m_responsible})
        b->setVisible(canManage);
    finance::keepTextWidth(
        {m_softClose, m_hardClose, m_reopen, m_records, m_run, m_runAll, m_signOff, m_responsible});

    auto *head = new QHBoxLayout;
    head->setSpacing(10);
    head->addWidget(m_title);
    head->addWidget(m_state);
    head->addWidget(m_counts);
    head->addSpacing(12);
    head->addWidget(m_onlyOpen);
    head->addStretch(1);
    head->addWidget(m_softClose);
    head->addWidget(m_hardClose);
    head->addWidget(m_reopen);

    m_filter->setSourceModel(m_checklist);
    m_view->setModel(m_filter);
    m_onlyOpen->setObjectName("closeOnlyOpen");
    m_onlyOpen->setToolTip(tr("Hides the green items and the amber ones signed off."));
    m_onlyOpen->setChecked(QSettings().value(QStringLiteral("close/onlyOpen")).toBool());
    static_cast<OpenItemsFilter *>(m_filter)->setOnlyOpen(m_onlyOpen->isChecked());
    m_view->setItemDelegateForColumn(CloseChecklistModel::StateColumn,
                                     new CloseLightDelegate(m_view));
    // The item's name takes the room (German names are long); the figures keep their width.
    finance::setColumnWidths(m_view, {230, 120, 80, 130, 150, 170, 170});
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(CloseChecklistModel::ItemColumn,
                                                     QHeaderView::Stretch);
    m_view->setToolTip(tr("Double-click an item for the records behind it."));
    m_view->verticalHeader()->setDefaultSectionSize(28);

    m_progress->setObjectName("closeRunProgress");
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_progress->setMaximumWidth(260);
    m_progress->setStyleSheet(QStringLiteral(
        "QProgressBar { border: none; border-radius: 4px; background: #E6EAF0; color: #13294B; "
        "text-align: center; min-height: 20px; } QProgressBar::chunk { border-radius: 4px; "
        "background: #1FB5A8; }"));
    m_progress->hide();
    m_step->setObjectName("closeRunStep");
    m_step->setStyleSheet(QStringLiteral("color:#5B6576;"));

    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_records);
    actions->addWidget(m_run);
    actions->addWidget(m_runAll);
    actions->addWidget(m_signOff);
    actions->addWidget(m_responsible);
    actions->addStretch(1);
    actions->addWidget(m_step);
    actions->addWidget(m_progress);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(head);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);

    connect(m_checklist, &CloseChecklistModel::loaded, this, [this] {
        showHead();
        if (m_keepTask.isEmpty())
            m_keepTask = firstToClear();
        if (!m_keepTask.isEmpty())
            selectTask(m_keepTask);
        followRunningRun();
        updateButtons();
    });
    connect(m_checklist, &CloseChecklistModel::loadFailed, this, [this](const QString &text) {
        emit message(tr("The checklist could not be loaded: %1").arg(text), true);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CloseChecklistPanel::updateButtons);
    connect(m_view, &QTableView::activated, this, &CloseChecklistPanel::showRecords);
    connect(m_onlyOpen, &QCheckBox::toggled, this, [this](bool on) {
        const QString task = selectedTask();
        QSettings().setValue(QStringLiteral("close/onlyOpen"), on);
        static_cast<OpenItemsFilter *>(m_filter)->setOnlyOpen(on);
        selectTask(task);
        updateButtons();
    });
    connect(m_records, &QPushButton::clicked, this, &CloseChecklistPanel::showRecords);
    connect(m_run, &QPushButton::clicked, this, [this] { startRun(selectedTask()); });
    connect(m_runAll, &QPushButton::clicked, this, [this] { startRun(QStringLiteral("all")); });
    connect(m_signOff, &QPushButton::clicked, this, &CloseChecklistPanel::signOffSelected);
    connect(m_responsible, &QPushButton::clicked, this, &CloseChecklistPanel::takeResponsibility);
    connect(m_softClose, &QPushButton::clicked, this, &CloseChecklistPanel::softClose);
    connect(m_hardClose, &QPushButton::clicked, this, &CloseChecklistPanel::hardClose);
    connect(m_reopen, &QPushButton::clicked, this, &CloseChecklistPanel::requestReopen);

    connect(m_job, &CloseRunJob::progressChanged, this, [this](int p, const QString &step) {
        m_progress->show();
        m_progress->setValue(p);
        m_step->setText(step);
    });
    connect(m_job, &CloseRunJob::finished, this, [this](const QJsonObject &run) {
        m_progress->setValue(run.value("progress").toInt());
        const bool ok = run.value("status").toString() == QLatin1String("completed");
        m_step->setText(ok ? tr("Done") : tr("Failed"));
        emit message(ok ? tr("The run finished.")
                        : tr("The run failed: %1").arg(run.value("error").toString()),
                     !ok);
        reload();
        emit periodChanged();
    });
    connect(m_job, &CloseRunJob::failed, this, [this](int, const QString &text) {
        m_progress->hide();
        m_step->clear();
        emit message(text, true);
        updateButtons();
    });
    updateButtons();
}

void CloseChecklistPanel::open(const QString &entity, const QString &entityCode,
                               const QString &period)
{
    if (entity != m_entity || period != m_period) {
        m_keepTask.clear();
        m_progress->hide();
        m_step->clear();
        m_state->hide();
        m_counts->setText(tr("Reading the checklist…"));
    }
    m_entity = entity;
    m_entityCode = entityCode;
    m_period = period;
    m_title->setText(periodTitle());
    m_checklist->load(entity, period);
    updateButtons();
}

void CloseChecklistPanel::reload()
{
    m_keepTask = selectedTask();
    m_checklist->load(m_entity, m_period);
}

QString CloseChecklistPanel::periodTitle() const
{
    return tr("%1 · %2").arg(m_entityCode, billing::periodText(m_period));
}

QString CloseChecklistPanel::stateText() const
{
    return m_state->text();
}

QString CloseChecklistPanel::countsText() const
{
    return m_counts->text();
}

void CloseChecklistPanel::showHead()
{
    const QString status = m_checklist->status();
    const QString signal = status == QLatin1String("hard_closed") ? QStringLiteral("closed")
                           : m_checklist->count(QStringLiteral("red")) > 0 ? QStringLiteral("red")
                           : m_checklist->count(QStringLiteral("amber")) > 0
                               ? QStringLiteral("amber")
                               : QStringLiteral("green");
    m_state->setText(periodStatusText(status));
    m_state->show();
    m_state->setStyleSheet(
        QStringLiteral("QLabel{background:%1;color:white;border-radius:9px;padding:2px 10px;"
                       "font-weight:600;}")
            .arg(status == QLatin1String("open") ? lightColour(signal).name()
                                                 : lightColour(QStringLiteral("closed")).name()));
    const int signedOff = m_checklist->signedOffCount();
    QString counts = tr("%1 red · %2 amber · %3 green")
                         .arg(m_checklist->count(QStringLiteral("red")))
                         .arg(m_checklist->count(QStringLiteral("amber")))
                         .arg(m_checklist->count(QStringLiteral("green")));
    if (signedOff > 0)
        counts += tr(" (%n signed off)", "", signedOff);
    if (m_checklist->previousOpen())
        counts += tr(" · the previous period is still open");
    m_counts->setText(counts);
}

void CloseChecklistPanel::selectTask(const QString &task)
{
    const int row = m_checklist->rowOfTask(task);
    if (row >= 0)
        m_view->selectRow(m_filter->mapFromSource(m_checklist->index(row, 0)).row());
}

void CloseChecklistPanel::followRunningRun()
{
    if (m_job->isRunning())
        return;
    for (int r = 0; r < m_checklist->rowCount(); ++r) {
        const QJsonObject run = m_checklist->item(r).value("run").toObject();
        if (run.value("status").toString() == QLatin1String("running")) {
            m_job->follow(run.value("id").toString());
            return;
        }
    }
}

QString CloseChecklistPanel::firstToClear() const
{
    // The first red item, else the first amber one not signed off: what to look at next.
    for (const char *state : {"red", "amber"})
        for (int r = 0; r < m_checklist->rowCount(); ++r) {
            const QJsonObject item = m_checklist->item(r);
            if (item.value("state").toString() == QLatin1String(state) &&
                !CloseChecklistModel::isSignedOff(item))
                return m_checklist->task(r);
        }
    return {};
}

QString CloseChecklistPanel::selectedTask() const
{
    const QModelIndex i = m_filter->mapToSource(m_view->currentIndex());
    return i.isValid() ? m_checklist->task(i.row()) : QString();
}

void CloseChecklistPanel::updateButtons()
{
    const bool loaded = m_checklist->hasLoaded();
    const QString status = m_checklist->status();
    const bool hard = status == QLatin1String("hard_closed");
    const bool running = m_job->isRunning();
    const int row = m_checklist->rowOfTask(selectedTask());
    const QJsonObject item = m_checklist->item(row);
    const QString task = selectedTask();
    m_softClose->setEnabled(loaded && status == QLatin1String("open"));
    // Still clickable with red items (the refusal names them), but said before the click.
    const QStringList red = m_checklist->redItems();
    m_softClose->setToolTip(
        red.isEmpty()
            ? tr("Stops time entries and expenses dated in the period; finance "
                 "journals, invoices and runs still post.")
            : tr("Red items block the soft close: %1.").arg(red.join(QStringLiteral(", "))));
    m_hardClose->setEnabled(loaded && status == QLatin1String("soft_closed"));
    m_reopen->setEnabled(loaded && (status == QLatin1String("soft_closed") || hard));
    m_records->setEnabled(row >= 0);
    m_run->setEnabled(loaded && !hard && !running && isRunTask(task));
    m_runAll->setEnabled(loaded && !hard && !running);
    m_signOff->setEnabled(loaded && !hard && row >= 0 &&
                          item.value("state").toString() == QLatin1String("amber") &&
                          !CloseChecklistModel::isSignedOff(item));
    m_responsible->setEnabled(loaded && !hard && row >= 0);
}

void CloseChecklistPanel::startRun(const QString &kind)
{
    if (kind.isEmpty() || m_entity.isEmpty())
        return;
    m_keepTask = selectedTask();
    m_job->start(m_entity, m_period, kind);
    updateButtons();
}

void CloseChecklistPanel::signOffSelected()
{
    const QString task = selectedTask();
    if (task.isEmpty())
        return;
    m_keepTask = task;
    ApiReply *r = CloseApi(m_api).signOff(m_entity, m_period, task);
    const QString name = taskText(task);
    connect(r, &ApiReply::finished, this, [this, r, name] {
        if (!r->ok()) {
            emit message(actionProblemText(r->problem(), {}), true);
            return;
        }
        emit message(tr("%1 is signed off.").arg(name), false);
        reload();
        emit periodChanged();
    });
}

void CloseChecklistPanel::takeResponsibility()
{
    const QString task = selectedTask();
    if (task.isEmpty())
        return;
    m_keepTask = task;
    ApiReply *r = CloseApi(m_api).setResponsible(m_entity, m_period, task, m_userId);
    const QString name = taskText(task);
    connect(r, &ApiReply::finished, this, [this, r, name] {
        if (!r->ok()) {
            emit message(actionProblemText(r->problem(), {}), true);
            return;
        }
        emit message(tr("You are responsible for %1.").arg(name), false);
        reload();
    });
}

void CloseChecklistPanel::showRecords()
{
    const int row = m_checklist->rowOfTask(selectedTask());
    if (row < 0)
        return;
    const QJsonObject item = m_checklist->item(row);
    const QString title = tr("%1 — %2").arg(
        taskText(item.value("task").toString(), item.value("label").toString()), periodTitle());
    auto *dialog = new CloseRecordsDialog(m_api, m_entity, m_period, item.value("task").toString(),
                                          title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CloseChecklistPanel::changeState(const QString &what, ApiReply *reply, const QString &done)
{
    const QStringList red = m_checklist->redItems();
    connect(reply, &ApiReply::finished, this, [this, reply, what, done, red] {
        if (!reply->ok()) {
            emit message(tr("%1 refused: %2").arg(what, actionProblemText(reply->problem(), red)),
                         true);
            reload();
            return;
        }
        emit message(done, false);
        reload();
        emit periodChanged();
    });
}

void CloseChecklistPanel::softClose()
{
    const auto answer = QMessageBox::question(
        this, tr("Soft close"),
        tr("Soft-close %1?\n\nTime entries and expenses dated in the period will be refused; "
           "finance journals, invoices and runs still post.")
            .arg(periodTitle()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    changeState(tr("Soft close"), CloseApi(m_api).softClose(m_entity, m_period),
                tr("%1 is soft-closed.").arg(periodTitle()));
}

void CloseChecklistPanel::hardClose()
{
    const auto answer = QMessageBox::question(
        this, tr("Hard close"),
        tr("Hard-close %1?\n\nEvery posting dated in the period will be refused. Only an "
           "approved reopen request can undo this.")
            .arg(periodTitle()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    changeState(tr("Hard close"), CloseApi(m_api).hardClose(m_entity, m_period),
                tr("%1 is closed.").arg(periodTitle()));
}

void CloseChecklistPanel::requestReopen()
{
    CloseReopenDialog dialog(periodTitle(), m_checklist->status(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ApiReply *r =
        CloseApi(m_api).requestReopen(m_entity, m_period, dialog.toStatus(), dialog.reason());
    connect(r, &ApiReply::finished, this, [this, r] {
        if (!r->ok()) {
            emit message(tr("Reopen request refused: %1")
                             .arg(actionProblemText(r->problem(), m_checklist->redItems())),
                         true);
            return;
        }
        emit message(tr("The request to reopen %1 is sent; a controller approves it in the "
                        "approvals inbox.")
                         .arg(periodTitle()),
                     false);
        reload();
    });
}

} // namespace keel::closing
