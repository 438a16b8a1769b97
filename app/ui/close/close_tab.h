#pragma once

#include "finance/finance_tab.h"

class QLabel;
class QPushButton;
class QTableView;

namespace keel {
class Session;
}

namespace keel::closing {

class CloseChecklistPanel;
class CloseGridModel;

// The month-end close cockpit: every entity the user reads × six months with each period's
// state and red / amber / green counts on top; the selected cell's checklist below. It opens on
// the workspace entity's month after its latest hard-closed one.
class CloseTab : public finance::FinanceTab
{
    Q_OBJECT
public:
    CloseTab(Session *session, finance::FinanceScope *scope, QWidget *parent = nullptr);

    CloseGridModel *grid() const { return m_grid; }
    QTableView *gridView() const { return m_gridView; }
    CloseChecklistPanel *panel() const { return m_panel; }
    // The window's last month, "YYYY-MM" (the window shows it and the five before).
    void setLastMonth(const QString &period);
    QString lastMonth() const { return m_last; }
    void selectCell(const QString &entity, const QString &period);
    QString selectedEntity() const;
    QString selectedPeriod() const;
    void refresh() override;

private:
    void gridLoaded();
    void fitGridHeight();
    void showWindow();
    void openSelected();

    CloseGridModel *m_grid;
    QTableView *m_gridView;
    CloseChecklistPanel *m_panel;
    QLabel *m_window;
    QString m_last;
    QString m_wantEntity;
    QString m_wantPeriod;
    bool m_reloadPanel = false;
    bool m_followingCell = false;
};

} // namespace keel::closing
