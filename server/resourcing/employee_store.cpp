#include "employee_store.h"

#include "employee_access.h"
#include "http/http_types.h"
#include "json_codec.h"

#include <QSqlQuery>

namespace keel {

using namespace resourcing;

namespace {

const QString kFrom = QStringLiteral(
    " FROM employees e JOIN users u ON u.id = e.user_id "
    "JOIN legal_entities le ON le.id = e.legal_entity_id "
    "JOIN job_roles jr ON jr.id = e.job_role_id LEFT JOIN practices pr ON pr.id = e.practice_id ");

const QString kColumns = QStringLiteral(
    "SELECT e.id, e.user_id, u.username, u.display_name, le.code, e.country, e.city, pr.code, "
    "jr.code, jr.name, e.grade, e.manager_id, e.weekly_capacity_hours::text, "
    "e.utilisation_target_pct::text, e.bill_rate::text, e.bill_rate_currency, e.active, "
    "e.version");

QJsonObject employeeFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"user_id", idToJson(q.value(1).toLongLong())},
            {"username", q.value(2).toString()},
            {"display_name", q.value(3).toString()},
            {"legal_entity", q.value(4).toString()},
            {"country", q.value(5).toString()},
            {"city", optText(q.value(6))},
            {"practice", optText(q.value(7))},
            {"job_role", q.value(8).toString()},
            {"job_role_name", q.value(9).toString()},
            {"grade", optText(q.value(10))},
            {"manager_id", optId(q.value(11))},
            {"weekly_capacity_hours", decimalText(q.value(12))},
            {"utilisation_target_pct", decimalText(q.value(13))},
            {"bill_rate", moneyJson(q.value(14), q.value(15).toString())},
            {"active", q.value(16).toBool()},
            {"version", q.value(17).toInt()}};
}

QString period(QDate from, const QVariant &to)
{
    return QStringLiteral("%1 to %2")
        .arg(formatDate(from), to.isNull() ? QStringLiteral("open end") : formatDate(to.toDate()));
}

} // namespace

QSqlDatabase EmployeeStore::db() const
{
    return db::connection(m_config);
}

std::optional<QPair<QJsonObject, QString>> EmployeeStore::employee(qint64 id, bool lock) const
{
    QSqlQuery q = db::query(db(),
                            kColumns + kFrom + QStringLiteral("WHERE e.id = ?") +
                                (lock ? QStringLiteral(" FOR UPDATE OF e") : QString()),
                            {id});
    if (!q.next())
        return std::nullopt;
    return QPair<QJsonObject, QString>(employeeFrom(q), q.value(4).toString());
}

std::optional<qint64> EmployeeStore::employeeOfUser(qint64 userId) const
{
    QSqlQuery q =
        db::query(db(), QStringLiteral("SELECT id FROM employees WHERE user_id = ?"), {userId});
    if (q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QJsonArray EmployeeStore::list(const EmployeeFilter &f, qint64 after, int limit) const
{
    QVariantList binds = f.visibleBinds;
    QString sql = kColumns + kFrom + QStringLiteral("WHERE e.id > ? AND ") + f.visibleSql;
    binds.prepend(after);
    auto add = [&](const QString &value, const QString &condition) {
        if (value.isEmpty())
            return;
        sql += QStringLiteral(" AND ") + condition;
        binds << value;
    };
    add(f.practice, QStringLiteral("pr.code = ?"));
    add(f.role, QStringLiteral("jr.code = ?"));
    add(f.country, QStringLiteral("e.country = ?"));
    add(f.legalEntity, QStringLiteral("le.code = ?"));
    if (!f.q.isEmpty()) {
        sql += QStringLiteral(" AND (u.display_name ILIKE ? OR u.username ILIKE ?)");
        QString like = f.q;
        like.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        binds << (u'%' + like + u'%') << (u'%' + like + u'%');
    }
    if (!f.skill.isEmpty()) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM employee_skills es JOIN skills s ON "
                              "s.id = es.skill_id WHERE es.employee_id = e.id AND s.code = ? AND "
                              "es.level >= ?)");
        binds << f.skill << f.minSkillLevel;
    }
    if (f.managerId) {
        sql += QStringLiteral(" AND e.manager_id = ?");
        binds << f.managerId;
    }
    sql += QStringLiteral(" ORDER BY e.id LIMIT ?");
    binds << limit;
    QSqlQuery q = db::query(db(), sql, binds);
    QJsonArray out;
    while (q.next())
        out.append(employeeFrom(q));
    return out;
}

std::optional<EmployeeStore::UserHome> EmployeeStore::userHome(qint64 userId) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT le.id, le.code, le.country, pr.code FROM users u "
                                 "JOIN legal_entities le ON le.id = u.legal_entity_id "
                                 "LEFT JOIN practices pr ON pr.id = u.practice_id "
                                 "WHERE u.id = ?"),
                  {userId});
    if (!q.next())
        return std::nullopt;
    return UserHome{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString()};
}

namespace {
// SET assignments and binds for the given fields (codes resolved in SQL).
void fieldSql(const EmployeeFields &f, QStringList &columns, QStringList &values,
              QVariantList &binds)
{
    auto text = [&](const std::optional<QString> &v, const char *column, const char *value) {
        if (!v)
            return;
        columns << QString::fromLatin1(column);
        values << QString::fromLatin1(value);
        binds << nullableText(*v);
    };
    text(f.country, "country", "?");
    text(f.city, "city", "?");
    text(f.grade, "grade", "?");
    text(f.practice, "practice_id", "(SELECT id FROM practices WHERE code = ?)");
    text(f.jobRole, "job_role_id", "(SELECT id FROM job_roles WHERE code = ?)");
    text(f.billRate, "bill_rate", "?::numeric");
    text(f.billRateCurrency, "bill_rate_currency", "?");
    text(f.weeklyCapacity, "weekly_capacity_hours", "?::numeric");
    text(f.utilisationTarget, "utilisation_target_pct", "?::numeric");
    if (f.managerId) {
        columns << QStringLiteral("manager_id");
        values << QStringLiteral("?");
        binds << nullableId(*f.managerId);
    }
    if (f.active) {
        columns << QStringLiteral("active");
        values << QStringLiteral("?");
        binds << *f.active;
    }
}
} // namespace

qint64 EmployeeStore::insert(qint64 userId, qint64 entityId, const EmployeeFields &f) const
{
    QStringList columns{QStringLiteral("user_id"), QStringLiteral("legal_entity_id")};
    QStringList values{QStringLiteral("?"), QStringLiteral("?")};
    QVariantList binds{userId, entityId};
    fieldSql(f, columns, values, binds);
    QSqlQuery q = db::query(db(),
                            QStringLiteral("INSERT INTO employees (%1) VALUES (%2) RETURNING id")
                                .arg(columns.join(u','), values.join(u',')),
                            binds);
    q.next();
    return q.value(0).toLongLong();
}

void EmployeeStore::update(qint64 id, const EmployeeFields &f) const
{
    QStringList columns, values;
    QVariantList binds;
    fieldSql(f, columns, values, binds);
    QStringList sets;
    for (int i = 0; i < columns.size(); ++i)
        sets << columns[i] + QStringLiteral(" = ") + values[i];
    sets << QStringLiteral("version = version + 1") << QStringLiteral("updated_at = now()");
    binds << id;
    db::query(db(), QStringLiteral("UPDATE employees SET %1 WHERE id = ?").arg(sets.join(u',')),
              binds);
}

QJsonArray EmployeeStore::costRates(qint64 employeeId) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, currency, hourly_cost::text, valid_from, "
                                           "valid_to, version FROM employee_cost_rates WHERE "
                                           "employee_id = ? ORDER BY valid_from"),
                            {employeeId});
    QJsonArray out;
    while (q.next()) {
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"hourly_cost", moneyJson(q.value(2), q.value(1).toString())},
                               {"hourly_cost_exact", decimalText(q.value(2))},
                               {"valid_from", dateToJson(q.value(3).toDate())},
                               {"valid_to", optDate(q.value(4))},
                               {"version", q.value(5).toInt()}});
    }
    return out;
}

qint64 EmployeeStore::insertCostRate(qint64 employeeId, const QString &currency,
                                     const QString &hourlyCost, QDate from, QDate to) const
{
    QSqlDatabase d = db();
    // 422 naming the period it collides with; `always` also without one found.
    const auto refuseOverlap = [&](bool always) {
        QSqlQuery c = db::query(
            d,
            QStringLiteral("SELECT id, currency, hourly_cost::text, valid_from, valid_to FROM "
                           "employee_cost_rates WHERE employee_id = ? AND daterange(valid_from, "
                           "valid_to, '[]') && daterange(?::date, ?::date, '[]') ORDER BY "
                           "valid_from LIMIT 1"),
            {employeeId, from, nullableDate(to)});
        QString message = QStringLiteral("overlaps another cost rate of this employee");
        if (c.next())
            message = QStringLiteral("overlaps cost rate %1 (%2 %3 per hour, valid %4)")
                          .arg(c.value(0).toString(), c.value(1).toString(),
                               Decimal::parse(c.value(2).toString()).valueOr(Decimal()).toString(2),
                               period(c.value(3).toDate(), c.value(4)));
        else if (!always)
            return;
        throw ApiError::invalid(
            {{QStringLiteral("valid_from"), QStringLiteral("overlap"), message}},
            QStringLiteral("The validity %1 %2.")
                .arg(period(from, to.isValid() ? QVariant(to) : QVariant()), message));
    };
    refuseOverlap(false);
    // The EXCLUDE constraint decides when two writers race past the check.
    db::exec(d, QStringLiteral("SAVEPOINT employee_cost_rate"));
    try {
        QSqlQuery q = db::query(
            d,
            QStringLiteral("INSERT INTO employee_cost_rates (employee_id, currency, hourly_cost, "
                           "valid_from, valid_to) VALUES (?, ?, ?::numeric, ?, ?) RETURNING id"),
            {employeeId, currency, hourlyCost, from, nullableDate(to)});
        q.next();
        const qint64 id = q.value(0).toLongLong();
        db::exec(d, QStringLiteral("RELEASE SAVEPOINT employee_cost_rate"));
        return id;
    } catch (const DbError &e) {
        if (e.sqlState() != QLatin1String("23P01"))
            throw;
        db::exec(d, QStringLiteral("ROLLBACK TO SAVEPOINT employee_cost_rate"));
    }
    refuseOverlap(true);
    return 0; // not reached
}

QJsonArray EmployeeStore::skillsOf(qint64 employeeId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT s.id, s.code, s.name, s.category, es.level, es.version FROM "
                       "employee_skills es JOIN skills s ON s.id = es.skill_id WHERE "
                       "es.employee_id = ? ORDER BY s.category, s.name"),
        {employeeId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"skill_id", idToJson(q.value(0).toLongLong())},
                               {"skill", q.value(1).toString()},
                               {"name", q.value(2).toString()},
                               {"category", q.value(3).toString()},
                               {"level", q.value(4).toInt()},
                               {"version", q.value(5).toInt()}});
    return out;
}

void EmployeeStore::setSkill(qint64 employeeId, qint64 skillId, int level) const
{
    db::query(db(),
              QStringLiteral("INSERT INTO employee_skills (employee_id, skill_id, level) VALUES "
                             "(?, ?, ?) ON CONFLICT (employee_id, skill_id) DO UPDATE SET level = "
                             "excluded.level, version = employee_skills.version + 1, "
                             "updated_at = now()"),
              {employeeId, skillId, level});
}

bool EmployeeStore::removeSkill(qint64 employeeId, qint64 skillId) const
{
    QSqlQuery q = db::query(
        db(), QStringLiteral("DELETE FROM employee_skills WHERE employee_id = ? AND skill_id = ?"),
        {employeeId, skillId});
    return q.numRowsAffected() > 0;
}

QJsonArray EmployeeStore::certifications(qint64 employeeId) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT c.id, c.name, c.issuer, s.code, c.issued_on, c.expires_on, "
                       "c.expires_on IS NOT NULL AND c.expires_on < current_date, c.version "
                       "FROM employee_certifications c LEFT JOIN skills s ON s.id = c.skill_id "
                       "WHERE c.employee_id = ? ORDER BY c.issued_on, c.id"),
        {employeeId});
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                               {"name", q.value(1).toString()},
                               {"issuer", optText(q.value(2))},
                               {"skill", optText(q.value(3))},
                               {"issued_on", dateToJson(q.value(4).toDate())},
                               {"expires_on", optDate(q.value(5))},
                               {"expired", q.value(6).toBool()},
                               {"version", q.value(7).toInt()}});
    return out;
}

qint64 EmployeeStore::insertCertification(qint64 employeeId, const QString &name,
                                          const QString &issuer, qint64 skillId, QDate issued,
                                          QDate expires) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO employee_certifications (employee_id, name, issuer, skill_id, "
                       "issued_on, expires_on) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {employeeId, name, nullableText(issuer), nullableId(skillId), issued,
         nullableDate(expires)});
    q.next();
    return q.value(0).toLongLong();
}

namespace {
QJsonObject skillFrom(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())}, {"code", q.value(1).toString()},
            {"name", q.value(2).toString()},           {"category", q.value(3).toString()},
            {"active", q.value(4).toBool()},           {"version", q.value(5).toInt()}};
}
} // namespace

QJsonArray EmployeeStore::skills(const QString &category, qint64 after, int limit) const
{
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT id, code, name, category, active, version FROM "
                                           "skills WHERE id > ? AND (? = '' OR category = ?) "
                                           "ORDER BY id LIMIT ?"),
                            {after, category, category, limit});
    QJsonArray out;
    while (q.next())
        out.append(skillFrom(q));
    return out;
}

std::optional<QJsonObject> EmployeeStore::skill(qint64 id) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT id, code, name, category, active, version FROM skills WHERE id = ?"),
        {id});
    if (!q.next())
        return std::nullopt;
    return skillFrom(q);
}

qint64 EmployeeStore::insertSkill(const QString &code, const QString &name,
                                  const QString &category) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO skills (code, name, category) VALUES (?, ?, ?) RETURNING id"),
        {code, name, category});
    q.next();
    return q.value(0).toLongLong();
}

QMap<QString, qint64> EmployeeStore::skillIds(const QStringList &codes) const
{
    QMap<QString, qint64> out;
    if (codes.isEmpty())
        return out;
    QSqlQuery q = db::query(db(),
                            QStringLiteral("SELECT c, s.id FROM unnest(?::text[]) AS c JOIN skills "
                                           "s ON s.code = c OR lower(s.name) = lower(c)"),
                            {textArray(codes)});
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

} // namespace keel
