#include "filter_bar.h"

#include "api_client.h"
#include "api_reply.h"
#include "auth_dto.h"
#include "permissions.h"
#include "sales_format.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>

#include <tuple>

namespace keel::dashboards {

namespace {
QDate firstOfMonth(const QDate &d)
{
    return QDate(d.year(), d.month(), 1);
}
} // namespace

FilterBar::FilterBar(ApiClient *api, const UserInfo &user, QWidget *parent)
    : QWidget(parent), m_api(api),
      m_filter(DashboardFilter::lastTwelveFullMonths(QDate::currentDate())),
      m_preset(new QComboBox), m_from(new QDateEdit), m_to(new QDateEdit), m_entity(new QComboBox),
      m_practice(new QComboBox), m_currency(new QComboBox)
{
    setObjectName("dashboardFilterBar");
    // Only the grants of roles that use dashboards decide the entities on offer, as on the
    // server.
    for (const RoleGrant &g : user.roles)
        if (permissionsOfRole(g.role).contains(QLatin1String(Permission::DashboardsUse)))
            m_grantedCodes.append(g.legalEntity);

    m_preset->setObjectName("dashboardPeriod");
    m_preset->addItems({tr("Last 12 full months"), tr("Last 12 months incl. current"),
                        tr("This year"), tr("Last year"), tr("Last quarter"), tr("Custom")});
    for (QDateEdit *e : {m_from, m_to}) {
        e->setDisplayFormat(QStringLiteral("MMM yyyy"));
        e->setCalendarPopup(false);
        e->setMinimumWidth(96);
    }
    m_from->setObjectName("dashboardFrom");
    m_to->setObjectName("dashboardTo");
    m_entity->setObjectName("dashboardEntity");
    m_entity->addItem(tr("All entities"), QString());
    m_practice->setObjectName("dashboardPractice");
    m_practice->addItem(tr("All practices"), QString());
    m_currency->setObjectName("dashboardCurrency");
    m_currency->addItem(tr("Entity currency"), int(DashboardFilter::Currency::Entity));
    m_currency->addItem(tr("Group currency"), int(DashboardFilter::Currency::Group));
    m_entity->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_practice->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Period")));
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–")));
    layout->addWidget(m_to);
    layout->addSpacing(12);
    layout->addWidget(m_entity);
    layout->addWidget(m_practice);
    layout->addWidget(m_currency);
    layout->addStretch();

    connect(m_preset, &QComboBox::activated, this, [this](int p) {
        if (p != int(DashboardFilter::Period::Custom))
            applyPeriod(DashboardFilter::Period(p));
    });
    const auto dateEdited = [this] {
        if (m_updating)
            return;
        setPeriod(m_from->date(), m_to->date());
    };
    connect(m_from, &QDateEdit::dateChanged, this, dateEdited);
    connect(m_to, &QDateEdit::dateChanged, this, dateEdited);
    connect(m_entity, &QComboBox::activated, this,
            [this](int i) { setEntity(m_entity->itemData(i).toString()); });
    connect(m_practice, &QComboBox::activated, this,
            [this](int i) { setPractice(m_practice->itemData(i).toString()); });
    connect(m_currency, &QComboBox::activated, this, [this](int i) {
        setCurrency(DashboardFilter::Currency(m_currency->itemData(i).toInt()));
    });
    showFilter();
}

void FilterBar::restore(const DashboardFilter &filter)
{
    m_filter = filter;
    showFilter();
}

void FilterBar::showFilter()
{
    m_updating = true;
    m_preset->setCurrentIndex(int(m_filter.period));
    m_from->setDate(m_filter.from);
    m_to->setDate(m_filter.to);
    const int e = m_entity->findData(m_filter.entityId);
    if (e < 0 && !m_filter.entityId.isEmpty())
        m_entity->addItem(m_filter.entityId, m_filter.entityId); // until the names arrive
    m_entity->setCurrentIndex(std::max(0, m_entity->findData(m_filter.entityId)));
    m_practice->setCurrentIndex(std::max(0, m_practice->findData(m_filter.practiceId)));
    // One currency for several entities: the group's.
    const bool one = !m_filter.entityId.isEmpty();
    m_currency->setEnabled(one);
    m_currency->setCurrentIndex(one && m_filter.currency != DashboardFilter::Currency::Group ? 0
                                                                                             : 1);
    m_updating = false;
}

void FilterBar::change(const DashboardFilter &next)
{
    if (next == m_filter) {
        showFilter();
        return;
    }
    m_filter = next;
    showFilter();
    emit filterChanged(m_filter);
}

void FilterBar::setPeriod(const QDate &from, const QDate &to)
{
    DashboardFilter f = m_filter;
    f.period = DashboardFilter::Period::Custom;
    f.from = firstOfMonth(from);
    f.to = firstOfMonth(to);
    if (f.from > f.to)
        std::swap(f.from, f.to);
    // The server answers at most 60 months.
    if (f.from.addMonths(59) < f.to)
        f.from = f.to.addMonths(-59);
    change(f);
}

void FilterBar::applyPeriod(DashboardFilter::Period period)
{
    DashboardFilter f = m_filter;
    f.period = period;
    std::tie(f.from, f.to) = DashboardFilter::periodMonths(period, QDate::currentDate());
    change(f);
}

void FilterBar::setEntity(const QString &entityId)
{
    DashboardFilter f = m_filter;
    f.entityId = entityId;
    if (entityId.isEmpty())
        f.currency = DashboardFilter::Currency::Automatic;
    change(f);
}

void FilterBar::setPractice(const QString &practiceId)
{
    DashboardFilter f = m_filter;
    f.practiceId = practiceId;
    change(f);
}

void FilterBar::setCurrency(DashboardFilter::Currency currency)
{
    DashboardFilter f = m_filter;
    f.currency = f.entityId.isEmpty() ? DashboardFilter::Currency::Automatic : currency;
    change(f);
}

void FilterBar::loadChoices()
{
    if (!m_api)
        return;
    ApiReply *entities = m_api->get(QStringLiteral("/api/v1/legal-entities"));
    connect(entities, &ApiReply::finished, this, [this, entities] {
        m_entitiesLoaded = true;
        if (entities->ok()) {
            const bool all =
                m_grantedCodes.contains(QString()) || m_grantedCodes.contains(QStringLiteral("*"));
            m_updating = true;
            while (m_entity->count() > 1)
                m_entity->removeItem(1);
            for (const QJsonValue &v : entities->object().value("items").toArray()) {
                const QJsonObject o = v.toObject();
                const QString code = o.value("code").toString();
                if (all || m_grantedCodes.contains(code))
                    m_entity->addItem(QStringLiteral("%1 · %2 (%3)")
                                          .arg(code, o.value("name").toString(),
                                               o.value("functional_currency").toString()),
                                      sales::idText(o.value("id")));
            }
            m_updating = false;
            // A remembered entity no longer granted: back to all of them.
            if (!m_filter.entityId.isEmpty() && m_entity->findData(m_filter.entityId) < 0)
                setEntity({});
        }
        showFilter();
        emit choicesChanged();
    });
    ApiReply *practices = m_api->get(QStringLiteral("/api/v1/practices"));
    connect(practices, &ApiReply::finished, this, [this, practices] {
        m_practicesLoaded = true;
        if (practices->ok()) {
            while (m_practice->count() > 1)
                m_practice->removeItem(1);
            for (const QJsonValue &v : practices->object().value("items").toArray()) {
                const QJsonObject o = v.toObject();
                m_practice->addItem(o.value("name").toString(), sales::idText(o.value("id")));
            }
        }
        showFilter();
        emit choicesChanged();
    });
}

} // namespace keel::dashboards
