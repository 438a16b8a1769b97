#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace keel {
class Session;
}
namespace keel::closing {
class CloseTab;
}

namespace keel::finance {

class BankTab;
class FinanceScope;
class FxRatesTab;
class LedgerTab;
class PayablesTab;
class ReceivablesTab;
class RevenueTab;
class StatementsTab;

// The Finance & Close workspace: one legal entity at a time (the combo at the top), with
// Receivables, Payables, Ledger and Bank as tabs. Writes need cash.manage; without it the
// tabs read only.
class FinancePage : public QWidget
{
    Q_OBJECT
public:
    explicit FinancePage(Session *session, QWidget *parent = nullptr);

    FinanceScope *scope() const { return m_scope; }
    QTabWidget *tabs() const { return m_tabs; }
    ReceivablesTab *receivables() const { return m_receivables; }
    PayablesTab *payables() const { return m_payables; }
    LedgerTab *ledger() const { return m_ledger; }
    BankTab *bank() const { return m_bank; }
    closing::CloseTab *closeTab() const { return m_close; }
    StatementsTab *statements() const { return m_statements; }
    RevenueTab *revenue() const { return m_revenue; }
    FxRatesTab *fxRates() const { return m_fxRates; }
    // Opens a tab by key: "receivables", "payables", "ledger", "bank".
    void openTab(const QString &key);

private:
    void fillEntities();

    Session *m_session;
    FinanceScope *m_scope;
    QComboBox *m_entity;
    QLabel *m_message;
    QTabWidget *m_tabs;
    ReceivablesTab *m_receivables;
    PayablesTab *m_payables;
    LedgerTab *m_ledger;
    BankTab *m_bank;
    closing::CloseTab *m_close;
    StatementsTab *m_statements;
    RevenueTab *m_revenue;
    FxRatesTab *m_fxRates;
};

} // namespace keel::finance
