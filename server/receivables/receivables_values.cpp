#include "receivables_values.h"

#include "db/database.h"
#include "http/http_types.h"
#include "json_codec.h"

namespace keel::receivables {

std::optional<EntityRef> entityOf(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(
        db, QStringLiteral("SELECT id, code, functional_currency FROM legal_entities WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return EntityRef{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

bool covers(const QStringList &entities, const QString &code)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(code);
}

EntityRef visibleEntity(QSqlDatabase db, const Request &request, qint64 id, const char *permission)
{
    const auto e = entityOf(db, id);
    if (!e || !covers(request.caller().entitiesFor(QString::fromLatin1(permission)), e->code))
        throw ApiError::notFound(QStringLiteral("There is no legal entity %1.").arg(id));
    return *e;
}

qint64 queryEntity(const Request &request)
{
    const auto id = queryId(request, QStringLiteral("legal_entity_id"));
    if (!id)
        throw ApiError::invalidField(QStringLiteral("legal_entity_id"), "required",
                                     QStringLiteral("the legal entity is required"));
    return *id;
}

std::optional<qint64> queryId(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::invalidField(name, "invalid_value", QStringLiteral("a record id"));
    return id;
}

std::optional<QDate> queryDate(const Request &request, const QString &name)
{
    const QString text = request.query.queryItemValue(name);
    if (text.isEmpty())
        return std::nullopt;
    const auto d = parseDate(text);
    if (!d)
        throw ApiError::invalidField(name, "invalid_value", QStringLiteral("a date YYYY-MM-DD"));
    return *d;
}

Money moneyOf(const QVariant &numeric, const Currency &currency)
{
    const QString text = numeric.toString();
    const auto d = Decimal::parse(text.isEmpty() ? QStringLiteral("0") : text);
    if (!d)
        return Money::zero(currency);
    return Money::fromDecimal(*d, currency).valueOr(Money::zero(currency));
}

Money moneyOf(const QVariant &numeric, const QString &currency)
{
    const auto c = Currency::fromCode(currency);
    return c ? moneyOf(numeric, *c) : Money();
}

QString showMoney(const Money &money)
{
    return money.toString() + u' ' + money.currency().code();
}

QString arrayOf(const QStringList &items, bool quote)
{
    if (!quote)
        return u'{' + items.join(u',') + u'}';
    QStringList quoted;
    quoted.reserve(items.size());
    for (QString s : items) {
        s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        quoted.append(u'"' + s + u'"');
    }
    return u'{' + quoted.join(u',') + u'}';
}

} // namespace keel::receivables
