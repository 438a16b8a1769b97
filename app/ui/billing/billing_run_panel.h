#pragma once

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace keel {
class Session;
}

namespace keel::billing {

class BillingRunJob;
class BillingRunsModel;
class BillableContracts;

// Start a billing run: the month, optionally one client or contract and the invoice date; a
// progress bar follows the run on the server until it is done, then says what it made and
// offers its drafts. The clients and contracts offered are those a run can bill, invoiced before
// or not. Below, the entity's earlier runs (double-click one to review its
// invoices).
class BillingRunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BillingRunPanel(Session *session, QWidget *parent = nullptr);

    void setLegalEntity(const QString &id);
    // "YYYY-MM"; the choices are the last twelve months and the current one.
    void setPeriod(const QString &period);
    QString period() const;
    void setClient(const QString &accountId);
    void setContract(const QString &contractId);
    void setInvoiceDate(const QDate &date); // invalid = the period's last day

    void startRun();

    BillingRunJob *job() const { return m_job; }
    BillingRunsModel *runsModel() const { return m_runs; }
    // The client and contract choices: the entity's contracts a run can bill.
    BillableContracts *contracts() const { return m_contracts; }
    QTableView *historyView() const { return m_history; }
    QProgressBar *progressBar() const { return m_progress; }
    QString statusText() const;
    QString lastRunId() const { return m_lastRunId; }

signals:
    void reviewRequested(const QString &runId);
    void runFinished(const QJsonObject &run);

private:
    void fillClients();
    void fillContracts();
    void showFinished(const QJsonObject &run);
    void setStatus(const QString &text, bool error = false);

    Session *m_session;
    BillableContracts *m_contracts;
    BillingRunJob *m_job;
    BillingRunsModel *m_runs;
    QString m_entity;
    QString m_lastRunId;
    QComboBox *m_period;
    QComboBox *m_client;
    QComboBox *m_contract;
    QCheckBox *m_ownDate;
    QDateEdit *m_invoiceDate;
    QPushButton *m_start;
    QProgressBar *m_progress;
    QLabel *m_step;
    QLabel *m_status;
    QPushButton *m_review;
    QTableView *m_history;
};

} // namespace keel::billing
