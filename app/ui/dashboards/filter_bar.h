#pragma once

#include "dashboard_filter.h"

#include <QWidget>

class QComboBox;
class QDateEdit;

namespace keel {
class ApiClient;
struct UserInfo;
} // namespace keel

namespace keel::dashboards {

// The one filter every card of the Dashboards page shares: a period (presets or from/to
// months), an entity of the caller's dashboard grants, a practice and the currency. Emits
// filterChanged() once per change a person makes; setters for code and tests do the same.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    FilterBar(ApiClient *api, const UserInfo &user, QWidget *parent = nullptr);

    DashboardFilter filter() const { return m_filter; }
    // Without a signal: the page's remembered filter.
    void restore(const DashboardFilter &filter);
    // Asks the server for the entities and practices to offer.
    void loadChoices();
    bool choicesLoaded() const { return m_entitiesLoaded && m_practicesLoaded; }

    void setPeriod(const QDate &from, const QDate &to);
    // The period combo's items are DashboardFilter::Period in order.
    void applyPeriod(DashboardFilter::Period period);
    void setEntity(const QString &entityId);
    void setPractice(const QString &practiceId);
    void setCurrency(DashboardFilter::Currency currency);

    QComboBox *entityBox() const { return m_entity; }
    QComboBox *practiceBox() const { return m_practice; }
    QComboBox *currencyBox() const { return m_currency; }

signals:
    void filterChanged(const keel::dashboards::DashboardFilter &filter);
    void choicesChanged();

private:
    void showFilter();
    void change(const DashboardFilter &next);

    ApiClient *m_api;
    QStringList m_grantedCodes; // empty string or "*": every entity
    DashboardFilter m_filter;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_entity;
    QComboBox *m_practice;
    QComboBox *m_currency;
    bool m_entitiesLoaded = false;
    bool m_practicesLoaded = false;
    bool m_updating = false;
};

} // namespace keel::dashboards
