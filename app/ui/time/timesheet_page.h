#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QMenu;

namespace keel::offline {
class LocalStore;
class SyncEngine;
class TimesheetModel;
} // namespace keel::offline

namespace keel::timesheet {

class TimesheetView;

// "My timesheet": the weekly grid with week navigation, copy last week, add a row from my
// assignments, submit the week, a note field for the current cell, the cell's state in words
// with the conflict choices, and the end-of-week reminder.
class TimesheetPage : public QWidget
{
    Q_OBJECT
public:
    TimesheetPage(offline::LocalStore *store, offline::SyncEngine *engine,
                  QWidget *parent = nullptr);

    offline::TimesheetModel *model() const { return m_model; }
    TimesheetView *grid() const { return m_grid; }
    QString bannerText() const;

    void showWeek(const QDate &anyDay);
    void previousWeek();
    void nextWeek();
    void copyLastWeek();
    // Adds the row and puts the cursor on its Monday.
    void addRow(qint64 projectId, qint64 taskId);
    void submitWeek();
    // The clock the reminder reads (tests and screenshots set it).
    void setNow(const QDateTime &now);

private:
    void updateHeader();
    void updateBanner();
    void updateCellPanel();
    void saveNote();
    void showMessage(const QString &text, bool warning = false);
    void buildAddRowMenu();
    QDateTime now() const;

    offline::LocalStore *m_store;
    offline::SyncEngine *m_engine;
    offline::TimesheetModel *m_model;
    TimesheetView *m_grid;
    QLabel *m_weekLabel;
    QLabel *m_totals;
    QLabel *m_banner;
    QLabel *m_message;
    QLabel *m_cellInfo;
    QLineEdit *m_note;
    QPushButton *m_prev;
    QPushButton *m_next;
    QPushButton *m_today;
    QPushButton *m_copy;
    QPushButton *m_addRow;
    QPushButton *m_submit;
    QPushButton *m_keepMine;
    QPushButton *m_takeServers;
    QMenu *m_addRowMenu;
    QDateTime m_now;
};

} // namespace keel::timesheet
