#pragma once

#include "finance_tab.h"

class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}

namespace keel::finance {

class AgingModel;

// Receivables: the aging per client at a date with DSO above it; double-click a cell for the
// invoices behind it; record a receipt and apply it, the client's statement, collection notes
// and dunning level of an invoice.
class ReceivablesTab : public FinanceTab
{
    Q_OBJECT
public:
    ReceivablesTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent = nullptr);

    AgingModel *aging() const { return m_aging; }
    delivery::JsonArrayModel *invoices() const { return m_invoices; }
    QTableView *agingView() const { return m_agingView; }
    QTableView *invoicesView() const { return m_invoicesView; }
    QString dsoText() const;
    QString selectedClientId() const;
    void refresh() override;
    // Shows the open invoices of a client in a bucket ("" for all).
    void drillInto(const QString &clientId, const QString &bucket);
    // Opens the dialogs for the selected client (tests call the dialogs directly too).
    void recordReceipt();
    void applyUnappliedCash();
    void showStatement();
    void addCollectionNote();

signals:
    void receiptRecorded();

private:
    void loadDso();
    void updateActions();

    ApiClient *m_api;
    bool m_canWrite;
    AgingModel *m_aging;
    delivery::JsonArrayModel *m_invoices;
    QDateEdit *m_asOf;
    QLabel *m_dso;
    QTableView *m_agingView;
    QTableView *m_invoicesView;
    QLabel *m_invoicesTitle;
    QPushButton *m_receipt;
    QPushButton *m_statement;
    QPushButton *m_note;
    QPushButton *m_applyCash;
    QString m_drillClient;
    QString m_drillBucket;
};

} // namespace keel::finance
