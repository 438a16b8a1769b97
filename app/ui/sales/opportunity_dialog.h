#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace keel {
class Session;
}

namespace keel::sales {

// Create or edit an opportunity: account, name, value and currency, expected close and start,
// practice, target margin, competitor. Saving POSTs (create) or PUTs with the version (edit);
// the server's field errors are shown next to the form.
class OpportunityDialog : public QDialog
{
    Q_OBJECT
public:
    // `opportunity` empty = create.
    OpportunityDialog(Session *session, const QJsonObject &opportunity = {},
                      QWidget *parent = nullptr);

    QJsonObject saved() const { return m_saved; }
    void setAccount(const QString &id, const QString &name);

signals:
    void savedOpportunity(const QJsonObject &opportunity);
    void openQuoteRequested(const QString &opportunityId);

private:
    void save();
    QJsonObject body() const;

    Session *m_session;
    QJsonObject m_opportunity;
    QJsonObject m_saved;
    QComboBox *m_account;
    QLineEdit *m_name;
    QLineEdit *m_value;
    QComboBox *m_currency;
    QDateEdit *m_close;
    QDateEdit *m_start;
    QComboBox *m_practice;
    QLineEdit *m_targetMargin;
    QLineEdit *m_competitor;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace keel::sales
