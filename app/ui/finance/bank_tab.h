#pragma once

#include "finance_tab.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class ApiClient;
}
namespace keel::delivery {
class JsonArrayModel;
}
namespace keel::sales {
class PagedListModel;
}

namespace keel::finance {

class RowTextProxy;
class StatementImport;

// Bank: the entity's bank accounts, statement import (CSV), the statement lines (paged) with
// matching suggestions for the selected line, match or ignore, and the reconciliation of
// statement against ledger.
class BankTab : public FinanceTab
{
    Q_OBJECT
public:
    BankTab(ApiClient *api, FinanceScope *scope, bool canWrite, QWidget *parent = nullptr);

    sales::PagedListModel *lines() const { return m_lines; }
    delivery::JsonArrayModel *suggestions() const { return m_suggestions; }
    StatementImport *importer() const { return m_import; }
    QComboBox *accountBox() const { return m_account; }
    QTableView *linesView() const { return m_linesView; }
    QString reconciliationText() const;
    QString bankAccountId() const;
    void refresh() override;
    void importFile(const QString &path);
    void showSuggestions(int lineRow);
    void matchSuggestion(int suggestionRow);
    void ignoreLine();
    // Opens the dialog that posts the selected line to a ledger account (charges, interest).
    void bookLine();
    void newAccount();

signals:
    void accountsLoaded();

private:
    // `select` is chosen once loaded (a new account); otherwise the current one stays.
    void loadAccounts(const QString &select = {});
    void reloadLines();
    void loadReconciliation();
    void updateActions();
    void afterChange(const QString &message);
    QString currentLineId() const;
    int currentLineVersion() const;

    ApiClient *m_api;
    bool m_canWrite;
    sales::PagedListModel *m_lines;
    RowTextProxy *m_linesProxy;
    delivery::JsonArrayModel *m_suggestions;
    StatementImport *m_import;
    QComboBox *m_account;
    QComboBox *m_status;
    QLabel *m_reconciliation;
    QTableView *m_linesView;
    QTableView *m_suggestionsView;
    QLabel *m_suggestionsTitle;
    QPushButton *m_importButton;
    QPushButton *m_match;
    QPushButton *m_ignore;
    QPushButton *m_unmatch;
    QPushButton *m_book;
    QPushButton *m_newAccount;
};

} // namespace keel::finance
