#pragma once

#include "finance_tab.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::sales {
class PagedListModel;
}

namespace keel::finance {

class LedgerReport;
class RowTextProxy;

// Ledger: the trial balance, profit and loss or balance sheet of the entity for a period range;
// double-click an account for its journal lines (paged), double-click a line for its journal
// entry and the document that posted it.
class LedgerTab : public FinanceTab
{
    Q_OBJECT
public:
    LedgerTab(ApiClient *api, FinanceScope *scope, QWidget *parent = nullptr);

    LedgerReport *report() const { return m_report; }
    sales::PagedListModel *lines() const { return m_lines; }
    QTableView *reportView() const { return m_reportView; }
    QTableView *linesView() const { return m_linesView; }
    QString totalsText() const;
    void setPeriod(const QDate &from, const QDate &to);
    // 0 trial balance, 1 profit and loss, 2 balance sheet.
    void setReportKind(int kind);
    void refresh() override;
    void openAccount(int reportRow);
    void openEntry(const QString &entryId);

private:
    void applyPreset(int preset);
    void showTotals();

    ApiClient *m_api;
    LedgerReport *m_report;
    sales::PagedListModel *m_lines;
    RowTextProxy *m_linesProxy;
    RowTextProxy *m_reportProxy;
    QComboBox *m_kind;
    QComboBox *m_preset;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_reportView;
    QTableView *m_linesView;
    QLabel *m_linesTitle;
    QLabel *m_totals;
};

} // namespace keel::finance
