#pragma once

#include "finance_tab.h"

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
// the AP aging per vendor, and paying one or many bills of a vendor.
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

private:
    void updateActions();

    ApiClient *m_api;
    sales::PagedListModel *m_bills;
    RowTextProxy *m_billsProxy;
    AgingModel *m_aging;
    QComboBox *m_status;
    QDateEdit *m_asOf;
    QTableView *m_billsView;
    QTableView *m_agingView;
    QPushButton *m_pay;
};

// A bill's or statement line's status in words.
QString statusWords(const QString &status);

} // namespace keel::finance
