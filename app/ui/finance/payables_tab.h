#pragma once

#include "finance_tab.h"

#include <QHash>
#include <QJsonObject>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::sales {
class PagedListModel;
}

namespace keel::finance {

class AgingModel;
class RowTextProxy;

// Payables: vendor bills with their open balance (keyset paged: a firm has tens of thousands),
// the AP aging per vendor, paying one or many bills of a vendor, and for holders of
// payables.manage entering bills (VendorBillDialog) and taking them through submit and approval.
class PayablesTab : public FinanceTab
{
    Q_OBJECT
public:
    PayablesTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent = nullptr);

    sales::PagedListModel *bills() const { return m_bills; }
    AgingModel *aging() const { return m_aging; }
    QTableView *billsView() const { return m_billsView; }
    QString selectedVendorId() const;
    void refresh() override;
    void recordPayment();

    // Vendor bills for holders of payables.manage: entry, edit of a draft, submit, and the
    // decision for a submitted bill (never by whoever entered it; the server has the last word).
    void setBillEntry(bool canManage, qint64 userId);
    QPushButton *newBillButton() const { return m_newBill; }
    void newBill();
    void editBill(); // the selected draft
    void submitBill();
    // "approve" or "reject" (with the reason) the selected submitted bill.
    void decideBill(const QString &decision, const QString &comment = {});
    void showStatus(const QString &status); // the bills of one status ("" all, "open")
    QJsonObject selectedBill() const;

signals:
    void billChanged(const QJsonObject &bill);

private:
    void updateActions();
    void billSaved(const QJsonObject &bill, const QString &text);

    ApiClient *m_api;
    sales::PagedListModel *m_bills;
    RowTextProxy *m_billsProxy;
    AgingModel *m_aging;
    QComboBox *m_status;
    QDateEdit *m_asOf;
    QTableView *m_billsView;
    QTableView *m_agingView;
    QPushButton *m_pay;
    QPushButton *m_newBill;
    QPushButton *m_editBill;
    QPushButton *m_submitBill;
    QPushButton *m_approveBill;
    QPushButton *m_rejectBill;
    QHash<QString, QString> m_creators; // bill id -> who entered it (the list does not say)
    bool m_canManage = false;
    qint64 m_userId = 0;
};

// A bill's or statement line's status in words.
QString statusWords(const QString &status);

} // namespace keel::finance
