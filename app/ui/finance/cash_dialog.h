#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace keel {
class ApiClient;
}

namespace keel::finance {

class AllocationModel;

// Records money received from a client (a receipt) or paid to a vendor (a payment) and applies
// it to one or many of their open invoices or bills, partly too: type the amount, press "Apply
// oldest first" or type into the Apply column; what is not applied stays unapplied cash, which
// the same dialog applies later (ApplyUnapplied: pick the receipt instead of a bank account).
class CashDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Receipt,
        Payment,
        ApplyUnapplied // cash received earlier and not yet applied: the same form, no new money
    };

    CashDialog(ApiClient *api, Kind kind, const QString &entityId, const QString &partyId,
               const QString &partyName, QWidget *parent = nullptr);

    AllocationModel *allocations() const { return m_model; }
    QLineEdit *amountEdit() const { return m_amount; }
    QLineEdit *referenceEdit() const { return m_reference; }
    QComboBox *bankBox() const { return m_bank; }
    QDateEdit *dateEdit() const { return m_date; }
    QString messageText() const;
    bool isReady() const { return m_documentsLoaded && m_banksLoaded; }
    // Sends it; false (with the reason shown) when the form does not add up.
    bool submit();
    QJsonObject body() const;

signals:
    void recorded(const QJsonObject &answer);
    void ready();

private:
    void loadDocuments();
    void loadBanks();
    void loadReceipts();
    void showUnapplied();
    void selectBankInCurrency();
    QString currentCurrency() const;
    void updateSummary();
    void showMessage(const QString &text, bool error);

    ApiClient *m_api;
    Kind m_kind;
    QString m_entity;
    QString m_party;
    AllocationModel *m_model;
    QComboBox *m_bank;
    QDateEdit *m_date;
    QLineEdit *m_amount;
    QLabel *m_currency;
    QLineEdit *m_reference;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_message;
    QPushButton *m_record;
    bool m_documentsLoaded = false;
    bool m_banksLoaded = false;
    bool m_sending = false;
};

} // namespace keel::finance
