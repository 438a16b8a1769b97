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

// Reconciles a statement line that no receipt or payment explains (bank charges, interest) by
// posting it to a ledger account: the server books bank against the chosen account and marks
// the line matched.
class BookLineDialog : public QDialog
{
    Q_OBJECT
public:
    // `line` as the statement-lines list gives it; `bankLedgerNumber` is left out of the choice.
    BookLineDialog(ApiClient *api, const QString &entityId, const QJsonObject &line,
                   const QString &bankLedgerNumber, QWidget *parent = nullptr);

    QComboBox *accountBox() const { return m_account; }
    QLineEdit *descriptionEdit() const { return m_description; }
    bool isReady() const { return m_ready; }
    QString messageText() const;
    bool submit();

signals:
    void booked();
    void ready();

private:
    ApiClient *m_api;
    QJsonObject m_line;
    QString m_bankNumber;
    QComboBox *m_account;
    QLineEdit *m_description;
    QLabel *m_message;
    bool m_ready = false;
    bool m_sending = false;
};

} // namespace keel::finance
