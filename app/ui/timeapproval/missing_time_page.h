#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class Session;
}

namespace keel::timeapproval {

class MissingTimeModel;

// "Missing time" for PMs and finance (time.oversee): who has not submitted which week, or
// submitted it short, in a period; "Copy reminder list" puts one line per person on the
// clipboard.
class MissingTimePage : public QWidget
{
    Q_OBJECT
public:
    explicit MissingTimePage(Session *session, QWidget *parent = nullptr);

    MissingTimeModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setPeriod(QDate from, QDate to);
    void reload();
    // Copies the reminder list; returns what was copied.
    QString copyReminderList();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void applyPreset(int preset);
    void updateState();

    MissingTimeModel *m_model;
    QTableView *m_view;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_status;
    QPushButton *m_copy;
    bool m_loadedOnce = false;
};

} // namespace keel::timeapproval
