#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace keel {
class ApiClient;
}
namespace keel::sales {
class PagedListModel;
}

namespace keel::finance {

class RevenueSchedule;
class RowTextProxy;

// A contract's recognition schedule: the entity's contracts searched on the server (number,
// title, client) on the left; the picked one's position (value, recognised and billed to
// date, contract asset or liability, percent complete, estimate at completion, loss provision)
// and its months, actual then forecast, on the right.
class RevenueSchedulePane : public QWidget
{
    Q_OBJECT
public:
    explicit RevenueSchedulePane(ApiClient *api, QWidget *parent = nullptr);

    sales::PagedListModel *contracts() const { return m_contracts; }
    RevenueSchedule *schedule() const { return m_schedule; }
    QTableView *contractsView() const { return m_contractsView; }
    QTableView *monthsView() const { return m_monthsView; }
    // The position's figures as shown, by key (RevenueSchedule::figureText keys, "percent").
    QString figureShown(const QString &key) const;

    void setEntity(const QString &entityId);
    void search(const QString &text);
    void openContract(int row);
    // A contract picked elsewhere (the forecast's month), with the title to show.
    void openContractById(const QString &id, const QString &title, const QString &entityId);
    void reloadSchedule();

signals:
    void message(const QString &text, bool error);

private:
    void showSchedule();
    QLabel *figure(QGridLayout *grid, int row, int column, const QString &title,
                   const QString &key);

    sales::PagedListModel *m_contracts;
    RowTextProxy *m_contractsProxy;
    RevenueSchedule *m_schedule;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QTableView *m_contractsView;
    QLabel *m_title;
    QLabel *m_methods;
    QTableView *m_monthsView;
    QList<QLabel *> m_figures;
    bool m_restoring = false;
};

} // namespace keel::finance
