#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace keel {
class ApiClient;
class ApiReply;
} // namespace keel

namespace keel::closing {

class CloseChecklistModel;
class CloseRunJob;

// One entity's period in the cockpit: its state with the soft close, hard close and reopen
// request (as the user's permissions allow), the checklist with its lights, and per item the
// records behind it, its run with progress, sign-off and who is responsible.
class CloseChecklistPanel : public QWidget
{
    Q_OBJECT
public:
    // canManage: close.manage (checks, runs, sign-off, soft close, reopen requests);
    // canApprove: close.approve (the hard close). Without them the buttons are not shown.
    CloseChecklistPanel(ApiClient *api, const QString &userId, bool canManage, bool canApprove,
                        QWidget *parent = nullptr);

    void open(const QString &entity, const QString &entityCode, const QString &period);
    void reload();

    CloseChecklistModel *checklist() const { return m_checklist; }
    CloseRunJob *runJob() const { return m_job; }
    QTableView *view() const { return m_view; }
    QCheckBox *onlyOpenBox() const { return m_onlyOpen; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *softCloseButton() const { return m_softClose; }
    QPushButton *hardCloseButton() const { return m_hardClose; }
    QPushButton *reopenButton() const { return m_reopen; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *runAllButton() const { return m_runAll; }
    QPushButton *signOffButton() const { return m_signOff; }
    QPushButton *responsibleButton() const { return m_responsible; }
    QPushButton *recordsButton() const { return m_records; }
    QString stateText() const;
    QString countsText() const;

    void selectTask(const QString &task);
    QString selectedTask() const;
    // The actions, as the buttons start them (soft and hard close ask first).
    void startRun(const QString &kind);
    void signOffSelected();
    void takeResponsibility();
    void showRecords();
    void softClose();
    void hardClose();
    void requestReopen();

signals:
    // A period's state or counts changed (the grid reads them again).
    void periodChanged();
    void message(const QString &text, bool error);

private:
    void showHead();
    void updateButtons();
    QString periodTitle() const;
    QString firstToClear() const;
    void followRunningRun();
    void changeState(const QString &what, ApiReply *reply, const QString &done);

    ApiClient *m_api;
    QString m_userId;
    bool m_canManage;
    bool m_canApprove;
    QString m_entity;
    QString m_entityCode;
    QString m_period;
    QString m_keepTask;
    CloseChecklistModel *m_checklist;
    CloseRunJob *m_job;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_counts;
    QPushButton *m_softClose;
    QPushButton *m_hardClose;
    QPushButton *m_reopen;
    QTableView *m_view;
    QSortFilterProxyModel *m_filter;
    QCheckBox *m_onlyOpen;
    QPushButton *m_records;
    QPushButton *m_run;
    QPushButton *m_runAll;
    QPushButton *m_signOff;
    QPushButton *m_responsible;
    QProgressBar *m_progress;
    QLabel *m_step;
};

} // namespace keel::closing
