#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class Session;
}

namespace keel::billing {

class BillingExceptionsModel;

// What billing runs could not bill: hours beyond a not-to-exceed cap and time without a rate.
// Write one off (the hours are never billed) or release it once a change order raised the cap
// (the next run bills it); both need a note.
class ExceptionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExceptionsPanel(Session *session, QWidget *parent = nullptr);

    void setLegalEntity(const QString &id);
    void reload();
    BillingExceptionsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    // The buttons' actions for the current row, without dialogs.
    void writeOffCurrent(const QString &note);
    void releaseCurrent(const QString &note);
    QString message() const;

signals:
    void countChanged(int open);

private:
    QString currentId() const;
    void updateButtons();
    void showMessage(const QString &text, bool error);

    Session *m_session;
    BillingExceptionsModel *m_model;
    QComboBox *m_status;
    QTableView *m_view;
    QLabel *m_message;
    QLabel *m_empty;
    QPushButton *m_writeOff;
    QPushButton *m_release;
    QLabel *m_detail;
};

} // namespace keel::billing
