#include "capacity_service.h"

#include "decimal.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "permissions.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace keel {

namespace {

constexpr int kDefaultWeeks = 26;
constexpr int kMaxWeeks = 52;
constexpr int kMaxBenchDays = 366;
constexpr int kBenchDefaultLimit = 50;
constexpr int kBenchMaxLimit = 500;

QString param(const Request &request, const char *name)
{
    return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).trimmed();
}

Decimal dec(const QString &text)
{
    return Decimal::parse(text).valueOr(Decimal());
}

// numeric text from SQL → "12.50"
QString hours(const QString &text)
{
    return dec(text).toString(2);
}

Decimal plus(const Decimal &a, const QString &b)
{
    return a.add(dec(b)).valueOr(a);
}

QString isoWeek(QDate monday)
{
    int year = 0;
    const int week = monday.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

struct Errors
{
    QList<FieldError> list;
    void add(const char *field, const QString &message,
             const char *code = FieldErrorCode::InvalidValue)
    {
        list.append(FieldError{QString::fromLatin1(field), QString::fromLatin1(code), message});
    }
    void throwIfAny() const
    {
        if (!list.isEmpty())
            throw ApiError::invalid(list);
    }
};

std::optional<QDate> dateParam(const Request &request, const char *name, Errors &errors)
{
    const QString v = param(request, name);
    if (v.isEmpty())
        return std::nullopt;
    const auto d = parseDate(v);
    if (!d) {
        errors.add(name, QStringLiteral("a date YYYY-MM-DD"));
        return std::nullopt;
    }
    return *d;
}

int intParam(const Request &request, const char *name, int fallback, int min, int max,
             Errors &errors)
{
    const QString v = param(request, name);
    if (v.isEmpty())
        return fallback;
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < min || n > max) {
        errors.add(name, QStringLiteral("a whole number from %1 to %2").arg(min).arg(max));
        return fallback;
    }
    return n;
}

} // namespace

EntityScope CapacityService::scope(const Request &request) const
{
    EntityScope s;
    const QStringList grant =
        request.caller().entitiesFor(QString::fromLatin1(Permission::ResourcingUse));
    s.all = grant.contains(QStringLiteral("*"));
    s.entities = grant;
    s.entity = param(request, "entity");
    if (!s.entity.isEmpty()) {
        if (!m_store.entityExists(s.entity))
            throw ApiError::invalidField(QStringLiteral("entity"),
                                         QString::fromLatin1(FieldErrorCode::InvalidValue),
                                         QStringLiteral("no legal entity has this code"));
        if (!s.all && !grant.contains(s.entity))
            throw ApiError::forbidden(
                QStringLiteral("You may not see the resourcing of legal entity %1.").arg(s.entity));
    }
    return s;
}

QJsonObject CapacityService::capacity(const Request &request) const
{
    Errors errors;
    CapacityQuery q;
    const QDate from = dateParam(request, "from", errors).value_or(QDate::currentDate());
    q.monday = from.addDays(1 - from.dayOfWeek());
    q.weeks = intParam(request, "weeks", kDefaultWeeks, 1, kMaxWeeks, errors);
    q.groupBy = param(request, "group_by");
    if (q.groupBy.isEmpty())
        q.groupBy = QStringLiteral("role");
    static const QStringList groups{QStringLiteral("role"), QStringLiteral("skill"),
                                    QStringLiteral("practice"), QStringLiteral("country")};
    if (!groups.contains(q.groupBy))
        errors.add("group_by", QStringLiteral("one of role, skill, practice, country"));
    errors.throwIfAny();
    q.scope = scope(request);

    QJsonArray weeks;
    for (int i = 0; i < q.weeks; ++i) {
        const QDate ws = q.monday.addDays(7 * i);
        weeks.append(QJsonObject{{"week", isoWeek(ws)}, {"week_start", dateToJson(ws)}});
    }

    // gap = available − hard − soft of the rounded figures, so every cell adds up.
    struct Sums
    {
        Decimal available, hard, soft;
        void add(const CapacityCell &c)
        {
            available = plus(available, c.available);
            hard = plus(hard, c.hard);
            soft = plus(soft, c.soft);
        }
        QJsonObject json() const
        {
            const Decimal gap =
                available.subtract(hard).valueOr(Decimal()).subtract(soft).valueOr(Decimal());
            return {{"available_hours", available.toString(2)},
                    {"hard_demand_hours", hard.toString(2)},
                    {"soft_demand_hours", soft.toString(2)},
                    {"gap_hours", gap.toString(2)}};
        }
    };
    const auto cellJson = [](const CapacityCell &c) {
        Sums one;
        one.add(c);
        QJsonObject o = one.json();
        o.insert("week", isoWeek(c.weekStart));
        o.insert("week_start", dateToJson(c.weekStart));
        return o;
    };

    QJsonArray rows;
    QJsonArray cells;
    QJsonArray totals;
    Sums sums;
    Sums all;
    QString key;
    QString name;
    bool open = false;
    const auto flush = [&] {
        if (!open)
            return;
        rows.append(QJsonObject{{"key", textOrNull(key)},
                                {"name", textOrNull(name)},
                                {"weeks", cells},
                                {"total", sums.json()}});
        cells = {};
        sums = {};
    };
    for (const CapacityCell &c : m_store.grid(q)) {
        if (c.total) {
            totals.append(cellJson(c));
            all.add(c);
            continue;
        }
        if (!open || c.key != key) {
            flush();
            key = c.key;
            name = c.name;
            open = true;
        }
        cells.append(cellJson(c));
        sums.add(c);
    }
    flush();
    return {{"from", dateToJson(q.monday)},
            {"weeks", weeks},
            {"group_by", q.groupBy},
            {"rows", rows},
            {"totals", totals},
            {"total", all.json()}};
}

QJsonObject CapacityService::bench(const Request &request) const
{
    Errors errors;
    BenchQuery q;
    auto from = dateParam(request, "from", errors);
    auto to = dateParam(request, "to", errors);
    if (param(request, "from").isEmpty())
        errors.add("from", QStringLiteral("required"), FieldErrorCode::Required);
    if (param(request, "to").isEmpty()) {
        // ?weeks=N instead of to: N whole weeks from the Monday of from's week.
        if (param(request, "weeks").isEmpty())
            errors.add("to", QStringLiteral("required (or weeks)"), FieldErrorCode::Required);
        const int weeks = intParam(request, "weeks", 1, 1, kMaxWeeks, errors);
        if (from) {
            from = from->addDays(1 - from->dayOfWeek());
            to = from->addDays(7 * weeks - 1);
        }
    }
    if (from && to) {
        if (*to < *from)
            errors.add("to", QStringLiteral("not before from"));
        else if (from->daysTo(*to) >= kMaxBenchDays)
            errors.add("to", QStringLiteral("at most %1 days after from").arg(kMaxBenchDays));
    }
    if (const QString v = param(request, "min_free_hours"); !v.isEmpty()) {
        const auto d = Decimal::parse(v);
        if (!d || d->isNegative())
            errors.add("min_free_hours", QStringLiteral("a number of hours, 0 or more"));
        else
            q.minFree = d->toString();
    }
    if (const QString v = param(request, "practice"); !v.isEmpty()) {
        if (const auto id = m_store.practiceId(v))
            q.practiceId = *id;
        else
            errors.add("practice", QStringLiteral("no such practice"));
    }
    if (const QString v = param(request, "skill"); !v.isEmpty()) {
        if (const auto id = m_store.skillId(v))
            q.skillId = *id;
        else
            errors.add("skill", QStringLiteral("no such skill"));
    }
    q.minLevel = intParam(request, "min_level", 1, 1, 5, errors);
    q.limit = intParam(request, "limit", kBenchDefaultLimit, 1, kBenchMaxLimit, errors);
    if (const QString v = param(request, "after"); !v.isEmpty()) {
        // cursor "<free hours>_<employee id>" as next_after gave it
        static const QRegularExpression cursor(
            QStringLiteral("^(-?[0-9]+(?:\\.[0-9]+)?)_([0-9]+)$"));
        const auto m = cursor.match(v);
        if (!m.hasMatch()) {
            errors.add("after", QStringLiteral("a cursor from next_after"));
        } else {
            q.afterFree = m.captured(1);
            q.afterId = m.captured(2).toLongLong();
        }
    }
    errors.throwIfAny();
    q.scope = scope(request);
    q.from = *from;
    q.to = *to;

    QJsonArray items;
    QString next;
    const QList<BenchRow> rows = m_store.bench(q);
    for (const BenchRow &b : rows) {
        QJsonObject o{{"employee_id", idToJson(b.employeeId)},
                      {"name", b.name},
                      {"legal_entity", b.entity},
                      {"country", b.country},
                      {"job_role", b.jobRole},
                      {"job_role_name", b.jobRoleName},
                      {"practice", textOrNull(b.practice)},
                      {"weekly_capacity_hours", hours(b.weeklyCapacity)},
                      {"available_hours", hours(b.available)},
                      {"hard_booked_hours", hours(b.hard)},
                      {"soft_booked_hours", hours(b.soft)},
                      {"free_hours", hours(b.free)}};
        if (q.skillId > 0)
            o.insert("skill_level", b.skillLevel);
        items.append(o);
        next = dec(b.free).toString() + u'_' + QString::number(b.employeeId);
    }
    QJsonObject out{{"from", dateToJson(q.from)}, {"to", dateToJson(q.to)}, {"items", items}};
    if (rows.size() == q.limit)
        out.insert("next_after", next);
    return out;
}

} // namespace keel
