#include "billing_run_panel.h"

#include "billable_contracts.h"
#include "billing_format.h"
#include "billing_run_job.h"
#include "billing_runs_model.h"
#include "permissions.h"
#include "sales_format.h"
#include "session.h"
#include "timeapproval/list_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace keel::billing {

namespace {
QString monthKey(QDate d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

QDate lastDayOf(const QString &period)
{
    const QDate first = QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate);
    return first.isValid() ? first.addMonths(1).addDays(-1) : QDate();
}
} // namespace

BillingRunPanel::BillingRunPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_contracts(new BillableContracts(session->api(), this)),
      m_job(new BillingRunJob(session->api(), this)),
      m_runs(new BillingRunsModel(session->api(), this)), m_period(new QComboBox),
      m_client(new QComboBox), m_contract(new QComboBox), m_ownDate(new QCheckBox),
      m_invoiceDate(new QDateEdit), m_start(new QPushButton), m_progress(new QProgressBar),
      m_step(new QLabel), m_status(new QLabel), m_review(new QPushButton), m_history(new QTableView)
{
    setObjectName("billingRunPanel");
    // Billing looks back: last month first, this month for a mid-month run, a year of history.
    const QDate today = QDate::currentDate();
    const QDate thisMonth(today.year(), today.month(), 1);
    for (int i = 1; i <= 12; ++i) {
        const QDate m = thisMonth.addMonths(-i);
        m_period->addItem(periodText(monthKey(m)), monthKey(m));
    }
    m_period->insertItem(0, periodText(monthKey(thisMonth)), monthKey(thisMonth));
    m_period->setCurrentIndex(1);
    m_period->setObjectName("runPeriod");
    m_client->setObjectName("runClient");
    m_contract->setObjectName("runContract");
    for (QComboBox *c : {m_period, m_client, m_contract}) {
        c->setMinimumWidth(200);
        c->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    }
    m_ownDate->setText(tr("Own invoice date"));
    m_ownDate->setToolTip(tr("Without it, the invoices are dated the month's last day."));
    m_invoiceDate->setCalendarPopup(true);
    m_invoiceDate->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_invoiceDate->setEnabled(false);
    m_invoiceDate->setDate(lastDayOf(period()));
    m_start->setObjectName("startRunButton");
    m_start->setText(tr("Start billing run"));
    m_start->setDefault(true);
    m_start->setEnabled(session->hasPermission(QLatin1String(Permission::BillingManage)));

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);
    form->addWidget(new QLabel(tr("Month")), 0, 0);
    form->addWidget(m_period, 0, 1);
    form->addWidget(new QLabel(tr("Client")), 0, 2);
    form->addWidget(m_client, 0, 3);
    form->addWidget(new QLabel(tr("Contract")), 0, 4);
    form->addWidget(m_contract, 0, 5);
    form->addWidget(m_ownDate, 1, 0, 1, 1);
    form->addWidget(m_invoiceDate, 1, 1);
    form->setColumnStretch(6, 1);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addStretch(1);
    form->addLayout(startRow, 1, 3, 1, 3);

    auto *intro = new QLabel(tr("A run turns the month's approved billable time, expenses, "
                                "accepted milestones, fixed fees, retainers and subscriptions of "
                                "signed contracts into draft invoices. What a run billed is never "
                                "billed again."));
    intro->setObjectName("pageSummary");
    intro->setWordWrap(true);

    m_progress->setObjectName("runProgress");
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setMinimumHeight(22);
    m_progress->setStyleSheet(QStringLiteral(
        "QProgressBar { border: none; border-radius: 4px; background: #E6EAF0; color: #13294B; "
        "text-align: center; } QProgressBar::chunk { border-radius: 4px; background: #1FB5A8; }"));
    m_step->setObjectName("runStep");
    m_step->setStyleSheet(QStringLiteral("color:#5B6576;"));
    m_status->setObjectName("runStatus");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_review->setObjectName("reviewDraftsButton");
    m_review->setText(tr("Review the drafts"));
    m_review->hide();
    auto *card = new QFrame;
    card->setObjectName("runCard");
    card->setStyleSheet(QStringLiteral("#runCard { background: #F7F9FB; border: 1px solid "
                                       "#D9DEE5; border-radius: 6px; }"));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(14, 12, 14, 12);
    cardLayout->setSpacing(8);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_progress);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_step);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_review);
    cardLayout->addLayout(statusRow);
    m_progress->hide();
    m_step->hide();
    m_status->hide();

    auto *historyTitle = new QLabel(tr("Earlier runs"));
    historyTitle->setStyleSheet(QStringLiteral("font-weight: 600; margin-top: 6px;"));
    m_history->setModel(m_runs);
    timeapproval::styleListView(m_history);
    m_history->setObjectName("runHistory");
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setWordWrap(false);
    m_history->setToolTip(tr("Double-click a run to review its invoices."));
    QHeaderView *h = m_history->horizontalHeader();
    h->setSectionResizeMode(QHeaderView::Interactive);
    h->setStretchLastSection(true);
    // A few dozen runs: columns as wide as their words, in English or German, each page.
    connect(m_runs, &BillingRunsModel::pageLoaded, m_history, [this] {
        // A run still going (started before this page opened, or by a colleague): follow it.
        const QJsonObject newest = m_runs->rowObject(0);
        if (!m_job->isRunning() && newest.value("status").toString() == QLatin1String("running")) {
            m_start->setEnabled(false);
            m_review->hide();
            setStatus(tr("A run for %1 is in progress…")
                          .arg(periodText(newest.value("period").toString())));
            m_lastRunId = m_runs->rowId(0);
            m_job->follow(m_lastRunId);
        }
        m_history->resizeColumnsToContents();
        m_history->horizontalHeader()->setStretchLastSection(false); // stretch again
        m_history->horizontalHeader()->setStretchLastSection(true);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(card);
    layout->addWidget(historyTitle);
    layout->addWidget(m_history, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_ownDate->isChecked())
            m_invoiceDate->setDate(lastDayOf(period()));
    });
    connect(m_ownDate, &QCheckBox::toggled, m_invoiceDate, &QDateEdit::setEnabled);
    connect(m_client, &QComboBox::currentIndexChanged, this, &BillingRunPanel::fillContracts);
    connect(m_contracts, &BillableContracts::loaded, this, &BillingRunPanel::fillClients);
    connect(m_contracts, &BillableContracts::loadFailed, this, [this](const QString &message) {
        setStatus(tr("The contracts could not be listed: %1").arg(message), true);
    });
    connect(m_start, &QPushButton::clicked, this, &BillingRunPanel::startRun);
    connect(m_review, &QPushButton::clicked, this, [this] { emit reviewRequested(m_lastRunId); });
    connect(m_history, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { emit reviewRequested(m_runs->rowId(i.row())); });
    connect(m_job, &BillingRunJob::started, this, [this](const QString &id) {
        m_lastRunId = id;
        m_runs->reload(); // the new run shows as running
    });
    connect(m_job, &BillingRunJob::progressChanged, this, [this](int p, const QString &step) {
        m_progress->show();
        m_progress->setValue(p);
        m_step->setVisible(!step.isEmpty());
        m_step->setText(step);
    });
    connect(m_job, &BillingRunJob::finished, this, &BillingRunPanel::showFinished);
    connect(m_job, &BillingRunJob::failed, this, [this](const QString &message) {
        m_start->setEnabled(true);
        m_progress->hide();
        m_step->hide();
        setStatus(message, true);
    });
    fillClients();
}

void BillingRunPanel::setLegalEntity(const QString &id)
{
    if (id == m_entity)
        return;
    m_entity = id;
    m_contracts->setLegalEntity(id);
    m_runs->setLegalEntity(id);
    m_runs->reload();
}

void BillingRunPanel::setPeriod(const QString &p)
{
    int at = m_period->findData(p);
    if (at < 0) {
        m_period->addItem(periodText(p), p);
        at = m_period->count() - 1;
    }
    m_period->setCurrentIndex(at);
}

QString BillingRunPanel::period() const
{
    return m_period->currentData().toString();
}

void BillingRunPanel::setClient(const QString &accountId)
{
    m_client->setCurrentIndex(std::max(0, m_client->findData(accountId)));
}

void BillingRunPanel::setContract(const QString &contractId)
{
    m_contract->setCurrentIndex(std::max(0, m_contract->findData(contractId)));
}

void BillingRunPanel::setInvoiceDate(const QDate &date)
{
    m_ownDate->setChecked(date.isValid());
    if (date.isValid())
        m_invoiceDate->setDate(date);
}

void BillingRunPanel::fillClients()
{
    const QString current = m_client->currentData().toString();
    m_client->blockSignals(true);
    m_client->clear();
    m_client->addItem(tr("All clients"), QString());
    for (const auto &c : m_contracts->clients())
        m_client->addItem(c.label, c.id);
    m_client->setCurrentIndex(std::max(0, m_client->findData(current)));
    m_client->blockSignals(false);
    fillContracts();
}

void BillingRunPanel::fillContracts()
{
    const QString current = m_contract->currentData().toString();
    m_contract->clear();
    m_contract->addItem(tr("All contracts"), QString());
    for (const auto &c : m_contracts->contracts(m_client->currentData().toString())) {
        m_contract->addItem(c.label, c.id);
        m_contract->setItemData(
            m_contract->count() - 1,
            c.unbilledEntries == 0   ? tr("No approved time waiting to be billed.")
            : c.unbilledEntries == 1 ? tr("%1 h of approved time not billed yet (1 entry).")
                                           .arg(sales::formatDecimalText(c.unbilledHours, 2))
                                     : tr("%1 h of approved time not billed yet (%2 entries).")
                                           .arg(sales::formatDecimalText(c.unbilledHours, 2))
                                           .arg(c.unbilledEntries),
            Qt::ToolTipRole);
    }
    m_contract->setCurrentIndex(std::max(0, m_contract->findData(current)));
}

void BillingRunPanel::startRun()
{
    RunRequest req;
    req.legalEntityId = m_entity;
    req.period = period();
    req.accountId = m_client->currentData().toString();
    req.contractId = m_contract->currentData().toString();
    if (m_ownDate->isChecked())
        req.invoiceDate = m_invoiceDate->date().toString(Qt::ISODate);
    m_start->setEnabled(false);
    m_review->hide();
    setStatus(tr("Billing %1…").arg(periodText(req.period)));
    m_job->start(req);
}

void BillingRunPanel::showFinished(const QJsonObject &run)
{
    m_start->setEnabled(m_session->hasPermission(QLatin1String(Permission::BillingManage)));
    m_runs->reload();
    m_contracts->reload(); // the time waiting to be billed has changed
    emit runFinished(run);
    if (run.value("status").toString() == QLatin1String("failed")) {
        const QString error = run.value("error").toString();
        setStatus(error.isEmpty() ? tr("The run failed; nothing was billed.")
                                  : tr("The run failed; nothing was billed: %1").arg(error),
                  true);
        return;
    }
    m_progress->setValue(100);
    m_step->hide(); // the sentence below says it
    const int invoices = run.value("invoice_count").toInt();
    const int lines = run.value("line_count").toInt();
    const int exceptions = run.value("exception_count").toInt();
    QString text;
    if (invoices == 0)
        text = tr("Done: nothing left to bill for %1.").arg(periodText(period()));
    else {
        const QString made =
            tr("%1 with %2")
                .arg(invoices == 1 ? tr("1 draft invoice") : tr("%1 draft invoices").arg(invoices),
                     lines == 1 ? tr("1 line") : tr("%1 lines").arg(lines));
        const QString totals = BillingRunsModel::totalsText(run);
        text = totals.isEmpty() ? tr("Done: %1.").arg(made) : tr("Done: %1, %2.").arg(made, totals);
    }
    if (exceptions > 0)
        text +=
            u' ' + (exceptions == 1
                        ? tr("1 exception needs a decision (Exceptions tab).")
                        : tr("%1 exceptions need a decision (Exceptions tab).").arg(exceptions));
    setStatus(text);
    m_review->setVisible(invoices > 0);
}

void BillingRunPanel::setStatus(const QString &text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color:#B42318;")
                                  : QStringLiteral("color:#23324A;"));
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString BillingRunPanel::statusText() const
{
    return m_status->text();
}

} // namespace keel::billing
