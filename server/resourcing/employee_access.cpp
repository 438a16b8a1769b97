#include "employee_access.h"

#include "http/http_types.h"
#include "json_codec.h"
#include "roles.h"

#include <QSqlQuery>

namespace keel {

namespace {
void addGrant(QStringList &list, const RoleGrant &g)
{
    const QString e = g.legalEntity.isEmpty() ? QStringLiteral("*") : g.legalEntity;
    if (!list.contains(e))
        list.append(e);
}
} // namespace

ResourcingCaller ResourcingCaller::of(QSqlDatabase db, const Request &request)
{
    ResourcingCaller c;
    const UserInfo &user = request.caller().user;
    c.userId = user.id;
    for (const RoleGrant &g : user.roles) {
        if (g.role == QLatin1String(Role::ResourceManager)) {
            addGrant(c.managerEntities, g);
            addGrant(c.readEntities, g);
        } else if (g.role == QLatin1String(Role::Executive)) {
            addGrant(c.readEntities, g);
        } else if (g.role == QLatin1String(Role::ProjectManager)) {
            addGrant(c.pmEntities, g);
        }
    }
    QSqlQuery q =
        db::query(db, QStringLiteral("SELECT id FROM employees WHERE user_id = ?"), {c.userId});
    if (q.next())
        c.employeeId = q.value(0).toLongLong();
    return c;
}

bool ResourcingCaller::covers(const QStringList &entities, const QString &entity)
{
    return entities.contains(QStringLiteral("*")) || entities.contains(entity);
}

QString ResourcingCaller::visibleEmployeesSql(QVariantList &binds) const
{
    QStringList parts;
    if (readEntities.contains(QStringLiteral("*"))) {
        parts << QStringLiteral("true");
    } else if (!readEntities.isEmpty()) {
        parts << QStringLiteral("le.code = ANY(?::text[])");
        binds << resourcing::textArray(readEntities);
    }
    parts << QStringLiteral("e.user_id = ?");
    binds << userId;
    if (isProjectManager()) {
        parts << QStringLiteral(
            "EXISTS (SELECT 1 FROM assignments pa JOIN projects pp ON pp.id = pa.project_id "
            "WHERE pa.employee_id = e.id AND pp.project_manager_id = ?)");
        binds << userId;
    }
    return QStringLiteral("(") + parts.join(QStringLiteral(" OR ")) + QStringLiteral(")");
}

namespace resourcing {

QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items) {
        s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        s.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted.append(QLatin1Char('"') + s + QLatin1Char('"'));
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableDate(const QDate &date)
{
    return date.isValid() ? QVariant(date) : QVariant(QMetaType::fromType<QDate>());
}

QJsonValue optId(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : idToJson(v.toLongLong());
}

QJsonValue optText(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toString());
}

QJsonValue optDate(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : dateToJson(v.toDate());
}

QJsonValue moneyJson(const QVariant &amount, const QString &currency)
{
    if (amount.isNull())
        return QJsonValue();
    const auto c = Currency::fromCode(currency);
    const auto d = Decimal::parse(amount.toString());
    if (!c || !d)
        return QJsonValue();
    const auto m = Money::parse(d->rounded(c->minorUnits()).toString(c->minorUnits()), *c);
    return m ? QJsonValue(moneyToJson(*m)) : QJsonValue();
}

QJsonValue decimalText(const QVariant &value, int places)
{
    if (value.isNull())
        return QJsonValue();
    const auto d = Decimal::parse(value.toString());
    return d ? QJsonValue(d->toString(places)) : QJsonValue(value.toString());
}

std::optional<qint64> idByCode(QSqlDatabase db, const QString &table, const QString &code)
{
    QSqlQuery q =
        db::query(db, QStringLiteral("SELECT id FROM %1 WHERE code = ?").arg(table), {code});
    if (q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

} // namespace resourcing
} // namespace keel
