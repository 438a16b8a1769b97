#include "sales_store.h"

#include "json_codec.h"

#include <QSqlQuery>

namespace keel::crm {

Decimal decimalFromText(const QString &text)
{
    if (text.isEmpty())
        return Decimal();
    const auto d = Decimal::parse(text);
    if (d)
        return *d;
    // More than 6 places (computed numerics): round through the one rule.
    const int dot = text.indexOf(u'.');
    return Decimal::parse(text.left(dot + 1 + Decimal::Scale)).valueOr(Decimal());
}

Money moneyFromText(const QString &amount, const QString &currency)
{
    const auto c = Currency::fromCode(currency);
    if (!c)
        return Money();
    const auto m = Money::parse(amount, *c);
    if (m)
        return *m;
    return Money::fromDecimal(decimalFromText(amount), *c).valueOr(Money::zero(*c));
}

QJsonValue optionalDateJson(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : dateToJson(value.toDate());
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

QVariant nullableDate(QDate d)
{
    return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
}

QString pgTextArray(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items) {
        s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        quoted.append(u'"' + s + u'"');
    }
    return u'{' + quoted.join(u',') + u'}';
}

QString entityScopeCondition(QVariantList &binds, const QStringList &entities,
                             const QString &codeColumn)
{
    if (entities.contains(QStringLiteral("*")))
        return {};
    binds.append(entities.join(u','));
    return QStringLiteral("%1 = ANY(string_to_array(?, ','))").arg(codeColumn);
}

void appendEquals(QString &sql, QVariantList &binds, const QString &column, const QString &value)
{
    if (value.isEmpty())
        return;
    sql += QStringLiteral(" AND %1 = ?").arg(column);
    binds.append(value);
}

void appendEntityScope(QString &sql, QVariantList &binds, const QStringList &entities,
                       const QString &codeColumn)
{
    const QString condition = entityScopeCondition(binds, entities, codeColumn);
    if (!condition.isEmpty())
        sql += QStringLiteral(" AND ") + condition;
}

namespace {
std::optional<qint64> idBy(QSqlDatabase db, const QString &sql, const QVariant &key)
{
    QSqlQuery q = db::query(db, sql, {key});
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}
} // namespace

std::optional<qint64> entityIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), code);
}

std::optional<qint64> jobRoleIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM job_roles WHERE code = ?"), code);
}

std::optional<qint64> practiceIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM practices WHERE code = ?"), code);
}

std::optional<qint64> serviceLineIdByCode(QSqlDatabase db, const QString &code)
{
    return idBy(db, QStringLiteral("SELECT id FROM service_lines WHERE code = ?"), code);
}

bool accountExists(QSqlDatabase db, qint64 id)
{
    return idBy(db, QStringLiteral("SELECT 1 FROM accounts WHERE id = ?"), id).has_value();
}

bool userExists(QSqlDatabase db, qint64 id)
{
    return idBy(db, QStringLiteral("SELECT 1 FROM users WHERE id = ?"), id).has_value();
}

bool offeringExists(QSqlDatabase db, qint64 id)
{
    return idBy(db, QStringLiteral("SELECT 1 FROM offerings WHERE id = ?"), id).has_value();
}

QString accountEntityCode(QSqlDatabase db, qint64 accountId)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT le.code FROM accounts a JOIN legal_entities le "
                                           "ON le.id = a.legal_entity_id WHERE a.id = ?"),
                            {accountId});
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<Decimal> standardCost(QSqlDatabase db, qint64 jobRoleId, qint64 entityId,
                                    const QString &currency, QDate day)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT hourly_cost::text FROM job_role_costs WHERE job_role_id = ? "
                       "AND legal_entity_id = ? AND currency = ? AND valid_from <= ? "
                       "AND (valid_to IS NULL OR valid_to >= ?)"),
        {jobRoleId, entityId, currency, day, day});
    if (!q.next())
        return std::nullopt;
    return decimalFromText(q.value(0).toString());
}

std::optional<ResolvedRate> resolveBillRate(QSqlDatabase db, qint64 accountId, qint64 entityId,
                                            const QString &currency, qint64 jobRoleId, QDate day)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "SELECT hourly_rate::text, 'client_override' FROM client_rate_overrides WHERE "
            "account_id = ? AND currency = ? AND job_role_id = ? AND valid_from <= ? AND "
            "(valid_to IS NULL OR valid_to >= ?) "
            "UNION ALL SELECT hourly_rate::text, 'rate_card' FROM rate_card_rates WHERE "
            "legal_entity_id = ? AND currency = ? AND job_role_id = ? AND valid_from <= ? AND "
            "(valid_to IS NULL OR valid_to >= ?) ORDER BY 2"), // client_override < rate_card
        {accountId, currency, jobRoleId, day, day, entityId, currency, jobRoleId, day, day});
    if (!q.next())
        return std::nullopt;
    return ResolvedRate{decimalFromText(q.value(0).toString()), q.value(1).toString()};
}

bool hasRateCard(QSqlDatabase db, qint64 entityId, const QString &currency, QDate day)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT 1 FROM rate_card_rates WHERE legal_entity_id "
                                           "= ? AND currency = ? AND valid_from <= ? AND "
                                           "(valid_to IS NULL OR valid_to >= ?) LIMIT 1"),
                            {entityId, currency, day, day});
    return q.next();
}

} // namespace keel::crm
