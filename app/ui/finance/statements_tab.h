#pragma once

#include "finance_tab.h"

class QCheckBox;
class QComboBox;
class QDate;
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

class RowTextProxy;
class StatementsModel;

// Statements: profit and loss or balance sheet of the entity chosen above or of the group
// (consolidated in the group currency, with its eliminations), for a period, beside the
// previous period and the previous year with the differences. Double-click a figure for the
// journal lines of the account(s) behind it in that column's period; double-click a line for
// its journal entry and the document that posted it.
class StatementsTab : public FinanceTab
{
    Q_OBJECT
public:
    StatementsTab(ApiClient *api, FinanceScope *scope, QWidget *parent = nullptr);

    StatementsModel *model() const { return m_model; }
    sales::PagedListModel *lines() const { return m_lines; }
    QTableView *statementView() const { return m_view; }
    QTableView *linesView() const { return m_linesView; }
    QComboBox *drillAccountPicker() const { return m_drillAccount; }
    QString summaryText() const;
    QString linesTotalText() const;

    void setKind(int kind); // StatementsModel::Kind
    void setGroup(bool group);
    void setPeriod(const QDate &from, const QDate &to);
    void setCompare(bool compare);
    void refresh() override;
    // The lines behind a row in a column's period (the current one for the differences); for
    // a group row the entity account at `accountIndex` of its list.
    void openRow(int row, int column, int accountIndex = 0);
    void openEntry(const QString &entryId);

private:
    void applyPreset(int preset);
    void showSummary();
    void showLinesTotal();
    void loadDrillAccount();
    void closeLines();
    QString entityCode(const QString &entityId) const;

    ApiClient *m_api;
    StatementsModel *m_model;
    sales::PagedListModel *m_lines;
    RowTextProxy *m_linesProxy;
    QComboBox *m_kind;
    QComboBox *m_scopeChoice;
    QComboBox *m_preset;
    QLabel *m_fromLabel;
    QDateEdit *m_from;
    QLabel *m_toLabel;
    QDateEdit *m_to;
    QCheckBox *m_compare;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_linesTitle;
    QComboBox *m_drillAccount;
    QTableView *m_linesView;
    QLabel *m_linesTotal;
    QWidget *m_linesBox; // shown while a figure's lines are open
    int m_drillRow = -1;
    int m_drillColumn = 0;
};

} // namespace keel::finance
