#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;

namespace keel {
class ApiClient;
}

namespace keel::finance {

// A new bank account of the entity. The server gives the first its 'bank' ledger account and
// later ones their own (1001, 1002 …), which the answer names.
class BankAccountDialog : public QDialog
{
    Q_OBJECT
public:
    BankAccountDialog(ApiClient *api, const QString &entityId, const QString &functionalCurrency,
                      QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *numberEdit() const { return m_number; }
    QComboBox *currencyBox() const { return m_currency; }
    QString messageText() const;
    bool submit();

signals:
    void created(const QJsonObject &account);

private:
    ApiClient *m_api;
    QString m_entity;
    QLineEdit *m_name;
    QLineEdit *m_bank;
    QLineEdit *m_number;
    QComboBox *m_currency;
    QLabel *m_message;
    bool m_sending = false;
};

} // namespace keel::finance
