#include "catalogue_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

namespace keel {

namespace {
const QRegularExpression &codePattern()
{
    static const QRegularExpression p(QStringLiteral("^[A-Z][A-Z0-9_]{1,39}$"));
    return p;
}

void checkCode(JsonReader &in, const QString &code)
{
    if (!code.isEmpty() && !codePattern().match(code).hasMatch())
        in.addError(QStringLiteral("code"), FieldErrorCode::InvalidValue,
                    QStringLiteral("2 to 40 upper-case letters, digits or underscores"));
}

void audit(QSqlDatabase db, const Request &request, const char *action, const char *type, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry a = AuditEntry::from(request, QString::fromLatin1(action), QString::fromLatin1(type),
                                    QString::number(id));
    a.before = before;
    a.after = after;
    appendAudit(db, a);
}

const QString kStageColumns = QStringLiteral(
    "id, code, name, sort_order, default_probability::text, is_won, is_lost, active, version");

QJsonObject stageJson(const QSqlQuery &q)
{
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"code", q.value(1).toString()},
            {"name", q.value(2).toString()},
            {"sort_order", q.value(3).toInt()},
            {"default_probability", crm::decimalFromText(q.value(4).toString()).toString()},
            {"is_won", q.value(5).toBool()},
            {"is_lost", q.value(6).toBool()},
            {"active", q.value(7).toBool()},
            {"version", q.value(8).toInt()}};
}

QJsonObject stageById(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT ") + kStageColumns +
                                QStringLiteral(" FROM opportunity_stages WHERE id = ?"),
                            {id});
    if (!q.next())
        throw ApiError::notFound(QStringLiteral("There is no stage %1.").arg(id));
    return stageJson(q);
}

void checkProbability(JsonReader &in, const QString &field, const Decimal &p)
{
    if (p.isNegative() || p > Decimal::fromInt(100) || p.mantissa() % 10000 != 0)
        in.addError(field, FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 2 decimals"));
}
} // namespace

QSqlDatabase CatalogueService::db() const
{
    return db::connection(m_config);
}

QJsonObject CatalogueService::listStages(const Request &) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("SELECT ") + kStageColumns +
                      QStringLiteral(" FROM opportunity_stages ORDER BY sort_order LIMIT 200"),
                  {});
    QJsonArray items;
    while (q.next())
        items.append(stageJson(q));
    return {{"items", items}};
}

QJsonObject CatalogueService::createStage(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const qint64 order = in.requiredInt64(QStringLiteral("sort_order"));
    const Decimal p = in.requiredDecimal(QStringLiteral("default_probability"));
    const bool won = in.optionalBool(QStringLiteral("is_won")).value_or(false);
    const bool lost = in.optionalBool(QStringLiteral("is_lost")).value_or(false);
    checkCode(in, code);
    checkProbability(in, QStringLiteral("default_probability"), p);
    if (won && lost)
        in.addError(QStringLiteral("is_lost"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a stage cannot be both won and lost"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    QSqlQuery dup = db::query(db(),
                              QStringLiteral("SELECT code FROM opportunity_stages WHERE code = ? "
                                             "OR sort_order = ?"),
                              {code, int(order)});
    if (dup.next())
        throw ApiError::invalidField(
            dup.value(0).toString() == code ? QStringLiteral("code") : QStringLiteral("sort_order"),
            QStringLiteral("taken"), QStringLiteral("another stage already uses it"));
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("INSERT INTO opportunity_stages (code, name, sort_order, "
                                 "default_probability, is_won, is_lost) VALUES (?, ?, "
                                 "?, ?::numeric, ?, ?) RETURNING id"),
                  {code, name.trimmed(), int(order), p.toString(), won, lost});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    const QJsonObject after = stageById(db(), id);
    audit(db(), request, "opportunity_stage.create", "opportunity_stage", id, {}, after);
    tx.commit();
    return after;
}

QJsonObject CatalogueService::updateStage(const Request &request, qint64 id,
                                          const QJsonObject &body) const
{
    db::Transaction tx(db());
    db::query(db(), QStringLiteral("SELECT 1 FROM opportunity_stages WHERE id = ? FOR UPDATE"),
              {id});
    const QJsonObject before = stageById(db(), id);
    requireVersion(request, body, before.value("version").toInt());
    JsonReader in(body);
    const QString name =
        in.optionalString(QStringLiteral("name")).value_or(before.value("name").toString());
    const qint64 order =
        in.optionalInt64(QStringLiteral("sort_order")).value_or(before.value("sort_order").toInt());
    const Decimal p =
        in.optionalDecimal(QStringLiteral("default_probability"))
            .value_or(crm::decimalFromText(before.value("default_probability").toString()));
    const bool active =
        in.optionalBool(QStringLiteral("active")).value_or(before.value("active").toBool());
    checkProbability(in, QStringLiteral("default_probability"), p);
    crm::throwIfInvalid(in);
    QSqlQuery dup = db::query(
        db(), QStringLiteral("SELECT 1 FROM opportunity_stages WHERE sort_order = ? AND id <> ?"),
        {int(order), id});
    if (dup.next())
        throw ApiError::invalidField(QStringLiteral("sort_order"), QStringLiteral("taken"),
                                     QStringLiteral("another stage already uses it"));
    db::query(db(),
              QStringLiteral("UPDATE opportunity_stages SET name = ?, sort_order = ?, "
                             "default_probability = ?::numeric, active = ?, version = version + 1, "
                             "updated_at = now() WHERE id = ?"),
              {name.trimmed(), int(order), p.toString(), active, id});
    const QJsonObject after = stageById(db(), id);
    audit(db(), request, "opportunity_stage.update", "opportunity_stage", id, before, after);
    tx.commit();
    return after;
}

QJsonObject CatalogueService::listServiceLines(const Request &) const
{
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral(
                      "SELECT s.id, s.code, s.name, p.code, s.active, s.version FROM service_lines "
                      "s LEFT JOIN practices p ON p.id = s.practice_id ORDER BY s.code LIMIT 500"),
                  {});
    QJsonArray items;
    while (q.next())
        items.append(
            QJsonObject{{"id", idToJson(q.value(0).toLongLong())},
                        {"code", q.value(1).toString()},
                        {"name", q.value(2).toString()},
                        {"practice", q.value(3).isNull() ? QJsonValue() : q.value(3).toString()},
                        {"active", q.value(4).toBool()},
                        {"version", q.value(5).toInt()}});
    return {{"items", items}};
}

QJsonObject CatalogueService::createServiceLine(const Request &request,
                                                const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const QString practice = in.optionalString(QStringLiteral("practice")).value_or(QString());
    checkCode(in, code);
    std::optional<qint64> practiceId;
    if (!practice.isEmpty() && !(practiceId = crm::practiceIdByCode(db(), practice)))
        in.addError(QStringLiteral("practice"), "unknown", QStringLiteral("no such practice"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    if (db::query(db(), QStringLiteral("SELECT 1 FROM service_lines WHERE code = ?"), {code})
            .next())
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("taken"),
                                     QStringLiteral("a service line with this code exists"));
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral("INSERT INTO service_lines (code, name, practice_id) "
                                 "VALUES (?, ?, ?) RETURNING id"),
                  {code, name.trimmed(),
                   practiceId ? QVariant(*practiceId) : QVariant(QMetaType::fromType<qint64>())});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    const QJsonObject after{
        {"id", idToJson(id)},     {"code", code},
        {"name", name.trimmed()}, {"practice", practice.isEmpty() ? QJsonValue() : practice},
        {"active", true},         {"version", 1}};
    audit(db(), request, "service_line.create", "service_line", id, {}, after);
    tx.commit();
    return after;
}

QJsonObject CatalogueService::listOfferings(const Request &request) const
{
    QString sql = QStringLiteral(
        "SELECT o.id FROM offerings o JOIN service_lines s ON s.id = o.service_line_id");
    QVariantList binds;
    const QString line = request.query.queryItemValue(QStringLiteral("service_line"));
    if (!line.isEmpty()) {
        sql += QStringLiteral(" WHERE s.code = ?");
        binds.append(line);
    }
    sql += QStringLiteral(" ORDER BY o.code LIMIT 200");
    QSqlQuery q = db::query(db(), sql, binds);
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    QJsonArray items;
    for (qint64 id : ids)
        items.append(offering(id));
    return {{"items", items}};
}

QJsonObject CatalogueService::offering(qint64 id) const
{
    QSqlQuery q = db::query(
        db(),
        QStringLiteral(
            "SELECT o.id, o.code, o.name, coalesce(o.description, ''), s.code, "
            "o.typical_duration_weeks, o.billing_model, o.active, o.version FROM "
            "offerings o JOIN service_lines s ON s.id = o.service_line_id WHERE o.id = ?"),
        {id});
    if (!q.next())
        throw ApiError::notFound(QStringLiteral("There is no offering %1.").arg(id));
    QJsonObject o{{"id", idToJson(id)},
                  {"code", q.value(1).toString()},
                  {"name", q.value(2).toString()},
                  {"description", q.value(3).toString()},
                  {"service_line", q.value(4).toString()},
                  {"typical_duration_weeks", q.value(5).toInt()},
                  {"billing_model", q.value(6).toString()},
                  {"active", q.value(7).toBool()},
                  {"version", q.value(8).toInt()}};
    QSqlQuery e =
        db::query(db(),
                  QStringLiteral("SELECT r.code, e.hours::text FROM offering_effort e JOIN "
                                 "job_roles r ON r.id = e.job_role_id WHERE "
                                 "e.offering_id = ? ORDER BY r.sort_order, r.code"),
                  {id});
    QJsonArray effort;
    while (e.next())
        effort.append(
            QJsonObject{{"job_role", e.value(0).toString()},
                        {"hours", crm::decimalFromText(e.value(1).toString()).toString(2)}});
    o.insert("effort", effort);
    QSqlQuery m =
        db::query(db(),
                  QStringLiteral("SELECT seq, name, value_pct::text, week_offset FROM "
                                 "offering_milestones WHERE offering_id = ? ORDER BY seq"),
                  {id});
    QJsonArray milestones;
    while (m.next())
        milestones.append(
            QJsonObject{{"seq", m.value(0).toInt()},
                        {"name", m.value(1).toString()},
                        {"value_pct", crm::decimalFromText(m.value(2).toString()).toString()},
                        {"week_offset", m.value(3).toInt()}});
    o.insert("milestones", milestones);
    return o;
}

QJsonObject CatalogueService::createOffering(const Request &request, const QJsonObject &body) const
{
    static const QStringList models{"time_and_materials", "fixed_fee", "milestones", "retainer",
                                    "subscription"};
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("code"));
    const QString name = in.requiredString(QStringLiteral("name"));
    const QString line = in.requiredString(QStringLiteral("service_line"));
    const qint64 weeks = in.requiredInt64(QStringLiteral("typical_duration_weeks"));
    const QString model = in.requiredString(QStringLiteral("billing_model"));
    const QString description =
        in.optionalString(QStringLiteral("description")).value_or(QString());
    const QJsonArray effort = in.optionalArray(QStringLiteral("effort")).value_or(QJsonArray());
    const QJsonArray milestones =
        in.optionalArray(QStringLiteral("milestones")).value_or(QJsonArray());
    checkCode(in, code);
    if (!model.isEmpty() && !models.contains(model))
        in.addError(QStringLiteral("billing_model"), FieldErrorCode::InvalidValue,
                    QStringLiteral("one of: %1").arg(models.join(QStringLiteral(", "))));
    if (in.has(QStringLiteral("typical_duration_weeks")) && (weeks < 1 || weeks > 520))
        in.addError(QStringLiteral("typical_duration_weeks"), FieldErrorCode::InvalidValue,
                    QStringLiteral("1 to 520 weeks"));
    QSqlQuery sl =
        db::query(db(), QStringLiteral("SELECT id FROM service_lines WHERE code = ?"), {line});
    qint64 lineId = 0;
    if (sl.next())
        lineId = sl.value(0).toLongLong();
    else if (!line.isEmpty())
        in.addError(QStringLiteral("service_line"), "unknown",
                    QStringLiteral("no such service line"));
    QList<QPair<qint64, Decimal>> effortRows;
    for (int i = 0; i < effort.size(); ++i) {
        JsonReader e = in.child(QStringLiteral("effort/%1").arg(i), effort[i].toObject());
        const QString role = e.requiredString(QStringLiteral("job_role"));
        const Decimal hours = e.requiredDecimal(QStringLiteral("hours"));
        const auto roleId = crm::jobRoleIdByCode(db(), role);
        if (!role.isEmpty() && !roleId)
            e.addError(QStringLiteral("job_role"), "unknown", QStringLiteral("no such job role"));
        if (e.has(QStringLiteral("hours")) && (!hours.isPositive() || hours.mantissa() % 10000))
            e.addError(QStringLiteral("hours"), FieldErrorCode::InvalidValue,
                       QStringLiteral("positive, at most 2 decimals"));
        in.addErrors(e.errors());
        if (roleId)
            effortRows.append({*roleId, hours});
    }
    struct Ms
    {
        QString name;
        Decimal pct;
        qint64 week;
    };
    QList<Ms> msRows;
    Decimal pctSum;
    for (int i = 0; i < milestones.size(); ++i) {
        JsonReader m = in.child(QStringLiteral("milestones/%1").arg(i), milestones[i].toObject());
        Ms ms{m.requiredString(QStringLiteral("name")),
              m.requiredDecimal(QStringLiteral("value_pct")),
              m.requiredInt64(QStringLiteral("week_offset"))};
        if (m.has(QStringLiteral("value_pct")) &&
            (!ms.pct.isPositive() || ms.pct > Decimal::fromInt(100)))
            m.addError(QStringLiteral("value_pct"), FieldErrorCode::InvalidValue,
                       QStringLiteral("more than 0, at most 100"));
        if (m.has(QStringLiteral("week_offset")) && (ms.week < 0 || ms.week > 520))
            m.addError(QStringLiteral("week_offset"), FieldErrorCode::InvalidValue,
                       QStringLiteral("0 to 520"));
        in.addErrors(m.errors());
        pctSum = pctSum.add(ms.pct).valueOr(pctSum);
        msRows.append(ms);
    }
    if (!msRows.isEmpty() && in.ok() && pctSum != Decimal::fromInt(100))
        in.addError(QStringLiteral("milestones"), FieldErrorCode::InvalidValue,
                    QStringLiteral("milestone percentages must add up to 100 (they add up to %1)")
                        .arg(pctSum.toString()));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    if (db::query(db(), QStringLiteral("SELECT 1 FROM offerings WHERE code = ?"), {code}).next())
        throw ApiError::invalidField(QStringLiteral("code"), QStringLiteral("taken"),
                                     QStringLiteral("an offering with this code exists"));
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("INSERT INTO offerings (service_line_id, code, name, description, "
                       "typical_duration_weeks, billing_model) VALUES (?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {lineId, code, name.trimmed(),
         description.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(description),
         int(weeks), model});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    for (const auto &e : effortRows)
        db::query(db(),
                  QStringLiteral("INSERT INTO offering_effort (offering_id, job_role_id, hours) "
                                 "VALUES (?, ?, ?::numeric) ON CONFLICT (offering_id, job_role_id) "
                                 "DO UPDATE SET hours = offering_effort.hours + excluded.hours"),
                  {id, e.first, e.second.toString()});
    for (int i = 0; i < msRows.size(); ++i)
        db::query(db(),
                  QStringLiteral("INSERT INTO offering_milestones (offering_id, seq, name, "
                                 "value_pct, week_offset) VALUES (?, ?, ?, ?::numeric, ?)"),
                  {id, i + 1, msRows[i].name, msRows[i].pct.toString(), int(msRows[i].week)});
    const QJsonObject after = offering(id);
    audit(db(), request, "offering.create", "offering", id, {}, after);
    tx.commit();
    return after;
}

} // namespace keel
