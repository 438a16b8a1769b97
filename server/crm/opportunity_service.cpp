#include "opportunity_service.h"

#include "audit/audit_log.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "job_role_service.h"
#include "json_codec.h"
#include "permissions.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace keel {

namespace {

QVariant nullable(qint64 id)
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

bool isPercent2(const Decimal &p, bool allowNegative)
{
    return (allowNegative || !p.isNegative()) && p <= Decimal::fromInt(100) &&
           p >= Decimal::fromInt(-100) && p.mantissa() % 10000 == 0;
}

struct Stage
{
    qint64 id = 0;
    QString code;
    Decimal defaultProbability;
    bool won = false;
    bool lost = false;
};

std::optional<Stage> stageByCode(QSqlDatabase db, const QString &code)
{
    QSqlQuery q =
        db::query(db,
                  QStringLiteral("SELECT id, code, default_probability::text, is_won, "
                                 "is_lost FROM opportunity_stages WHERE code = ? AND active"),
                  {code});
    if (!q.next())
        return std::nullopt;
    return Stage{q.value(0).toLongLong(), q.value(1).toString(),
                 crm::decimalFromText(q.value(2).toString()), q.value(3).toBool(),
                 q.value(4).toBool()};
}

std::optional<Stage> firstOpenStage(QSqlDatabase db)
{
    QSqlQuery q =
        db::query(db,
                  QStringLiteral("SELECT code FROM opportunity_stages WHERE active AND "
                                 "NOT is_won AND NOT is_lost ORDER BY sort_order LIMIT 1"),
                  {});
    if (!q.next())
        return std::nullopt;
    return stageByCode(db, q.value(0).toString());
}

// Reads an opportunity draft from JSON (the same shape GET returns).
OpportunityDraft readDraft(JsonReader &in)
{
    OpportunityDraft d;
    d.accountId = in.requiredInt64(QStringLiteral("account"));
    d.legalEntity = in.requiredString(QStringLiteral("legal_entity"));
    d.name = in.requiredString(QStringLiteral("name"));
    d.ownerId = in.optionalInt64(QStringLiteral("owner")).value_or(0);
    d.practice = in.optionalString(QStringLiteral("practice")).value_or(QString());
    d.offeringId = in.optionalInt64(QStringLiteral("offering")).value_or(0);
    for (const QJsonValue &v :
         in.optionalArray(QStringLiteral("service_lines")).value_or(QJsonArray()))
        d.serviceLines.append(v.toString());
    d.stage = in.optionalString(QStringLiteral("stage")).value_or(QString());
    d.probability = in.optionalDecimal(QStringLiteral("probability"));
    d.expectedValue = in.optionalMoney(QStringLiteral("expected_value"));
    d.expectedClose = in.optionalDate(QStringLiteral("expected_close")).value_or(QDate());
    d.expectedStart = in.optionalDate(QStringLiteral("expected_start")).value_or(QDate());
    const QJsonArray effort = in.optionalArray(QStringLiteral("effort")).value_or(QJsonArray());
    for (int i = 0; i < effort.size(); ++i) {
        JsonReader e = in.child(QStringLiteral("effort/%1").arg(i), effort[i].toObject());
        RoleEffort r{e.requiredString(QStringLiteral("job_role")),
                     e.requiredDecimal(QStringLiteral("hours"))};
        in.addErrors(e.errors());
        d.effort.append(r);
    }
    for (const QJsonValue &v :
         in.optionalArray(QStringLiteral("required_skills")).value_or(QJsonArray()))
        d.requiredSkills.append(v.toString().trimmed());
    d.targetMarginPct = in.optionalDecimal(QStringLiteral("target_margin_pct"));
    d.competitor = in.optionalString(QStringLiteral("competitor")).value_or(QString());
    d.description = in.optionalString(QStringLiteral("description")).value_or(QString());
    return d;
}

struct Resolved
{
    qint64 entityId = 0;
    qint64 ownerId = 0;
    qint64 practiceId = 0;
    QList<qint64> serviceLineIds;
    QList<QPair<qint64, Decimal>> effort;
    Money value;
};

// Validates everything except the stage; throws 422 / 403.
Resolved resolve(QSqlDatabase db, const Request &request, const OpportunityDraft &d, JsonReader &in)
{
    Resolved r;
    if (d.name.trimmed().size() > 200)
        in.addError(QStringLiteral("name"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    if (d.accountId > 0) {
        QSqlQuery q = db::query(db, QStringLiteral("SELECT merged_into FROM accounts WHERE id = ?"),
                                {d.accountId});
        if (!q.next())
            in.addError(QStringLiteral("account"), "unknown", QStringLiteral("no such account"));
        else if (!q.value(0).isNull())
            in.addError(
                QStringLiteral("account"), "merged",
                QStringLiteral("the account was merged into %1").arg(q.value(0).toString()));
    }
    if (!d.legalEntity.isEmpty()) {
        if (const auto id = crm::entityIdByCode(db, d.legalEntity))
            r.entityId = *id;
        else
            in.addError(QStringLiteral("legal_entity"), "unknown",
                        QStringLiteral("no legal entity has this code"));
    }
    r.ownerId = d.ownerId > 0 ? d.ownerId : request.caller().user.id;
    if (d.ownerId > 0 &&
        !db::query(db, QStringLiteral("SELECT 1 FROM users WHERE id = ?"), {d.ownerId}).next())
        in.addError(QStringLiteral("owner"), "unknown", QStringLiteral("no such user"));
    if (!d.practice.isEmpty()) {
        if (const auto id = crm::practiceIdByCode(db, d.practice))
            r.practiceId = *id;
        else
            in.addError(QStringLiteral("practice"), "unknown", QStringLiteral("no such practice"));
    }
    if (d.offeringId > 0 &&
        !db::query(db, QStringLiteral("SELECT 1 FROM offerings WHERE id = ?"), {d.offeringId})
             .next())
        in.addError(QStringLiteral("offering"), "unknown", QStringLiteral("no such offering"));
    for (int i = 0; i < d.serviceLines.size(); ++i) {
        QSqlQuery q = db::query(db, QStringLiteral("SELECT id FROM service_lines WHERE code = ?"),
                                {d.serviceLines[i]});
        if (q.next())
            r.serviceLineIds.append(q.value(0).toLongLong());
        else
            in.addError(QStringLiteral("service_lines/%1").arg(i), "unknown",
                        QStringLiteral("no such service line"));
    }
    QSet<qint64> seenRoles;
    for (int i = 0; i < d.effort.size(); ++i) {
        const auto id = crm::jobRoleIdByCode(db, d.effort[i].jobRole);
        if (!id && !d.effort[i].jobRole.isEmpty())
            in.addError(QStringLiteral("effort/%1/job_role").arg(i), "unknown",
                        QStringLiteral("no such job role"));
        else if (id && seenRoles.contains(*id))
            in.addError(QStringLiteral("effort/%1/job_role").arg(i), "duplicate",
                        QStringLiteral("this job role is listed twice"));
        if (d.effort[i].hours.isNegative() || d.effort[i].hours.mantissa() % 10000 != 0 ||
            d.effort[i].hours > Decimal::fromInt(10'000'000))
            in.addError(QStringLiteral("effort/%1/hours").arg(i), FieldErrorCode::InvalidValue,
                        QStringLiteral("0 or more, at most 2 decimals"));
        if (id) {
            seenRoles.insert(*id);
            r.effort.append({*id, d.effort[i].hours});
        }
    }
    if (d.effort.isEmpty() && d.offeringId > 0) {
        QSqlQuery q = db::query(db,
                                QStringLiteral("SELECT job_role_id, hours::text FROM "
                                               "offering_effort WHERE offering_id = ?"),
                                {d.offeringId});
        while (q.next())
            r.effort.append({q.value(0).toLongLong(), crm::decimalFromText(q.value(1).toString())});
    }
    if (d.probability && !isPercent2(*d.probability, false))
        in.addError(QStringLiteral("probability"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 2 decimals"));
    if (d.targetMarginPct && !isPercent2(*d.targetMarginPct, true))
        in.addError(QStringLiteral("target_margin_pct"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from -100 to 100 with at most 2 decimals"));
    if (d.expectedValue) {
        r.value = *d.expectedValue;
        if (r.value.isNegative())
            in.addError(QStringLiteral("expected_value"), FieldErrorCode::InvalidValue,
                        QStringLiteral("cannot be negative"));
    } else {
        in.addError(QStringLiteral("expected_value"), FieldErrorCode::Required,
                    QStringLiteral("amount and currency are needed"));
    }
    if (d.expectedClose.isValid() && d.expectedStart.isValid() &&
        d.expectedStart < d.expectedClose.addYears(-5))
        in.addError(QStringLiteral("expected_start"), FieldErrorCode::InvalidValue,
                    QStringLiteral("implausibly early"));
    if (d.competitor.size() > 200)
        in.addError(QStringLiteral("competitor"), FieldErrorCode::InvalidValue,
                    QStringLiteral("at most 200 characters"));
    crm::throwIfInvalid(in);
    crm::requireEntity(request, Permission::SalesUse, d.legalEntity);
    return r;
}

void writeChildren(QSqlDatabase db, qint64 id, const Resolved &r)
{
    db::query(db, QStringLiteral("DELETE FROM opportunity_service_lines WHERE opportunity_id = ?"),
              {id});
    for (qint64 line : r.serviceLineIds)
        db::query(db,
                  QStringLiteral("INSERT INTO opportunity_service_lines VALUES (?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {id, line});
    db::query(db, QStringLiteral("DELETE FROM opportunity_effort WHERE opportunity_id = ?"), {id});
    for (const auto &e : r.effort)
        db::query(db, QStringLiteral("INSERT INTO opportunity_effort VALUES (?, ?, ?::numeric)"),
                  {id, e.first, e.second.toString()});
}

const QString kOppSelect = QStringLiteral(
    "SELECT o.id, o.account_id, a.name, e.code, o.name, o.owner_id, u.display_name, p.code, "
    "o.offering_id, s.code, s.name, o.probability::text, o.expected_value::text, o.currency, "
    "o.expected_close, o.expected_start, array_to_string(o.required_skills, chr(31)), "
    "o.target_margin_pct::text, o.loss_reason, o.competitor, o.description, o.is_open, "
    "o.created_at, o.updated_at, o.version, o.updated_at::text, "
    "coalesce(o.expected_close, DATE '9999-12-31')::text, o.legal_entity_id, o.stage_id "
    "FROM opportunities o JOIN accounts a ON a.id = o.account_id "
    "JOIN legal_entities e ON e.id = o.legal_entity_id JOIN users u ON u.id = o.owner_id "
    "JOIN opportunity_stages s ON s.id = o.stage_id "
    "LEFT JOIN practices p ON p.id = o.practice_id");

QJsonObject oppJson(const QSqlQuery &q)
{
    const QString skills = q.value(16).toString();
    return {{"id", idToJson(q.value(0).toLongLong())},
            {"account", idToJson(q.value(1).toLongLong())},
            {"account_name", q.value(2).toString()},
            {"legal_entity", q.value(3).toString()},
            {"name", q.value(4).toString()},
            {"owner", idToJson(q.value(5).toLongLong())},
            {"owner_name", q.value(6).toString()},
            {"practice", q.value(7).isNull() ? QJsonValue() : q.value(7).toString()},
            {"offering", q.value(8).isNull() ? QJsonValue() : idToJson(q.value(8).toLongLong())},
            {"stage", q.value(9).toString()},
            {"stage_name", q.value(10).toString()},
            {"probability", crm::decimalFromText(q.value(11).toString()).toString()},
            {"expected_value",
             moneyToJson(crm::moneyFromText(q.value(12).toString(), q.value(13).toString()))},
            {"expected_close", crm::optionalDateJson(q.value(14))},
            {"expected_start", crm::optionalDateJson(q.value(15))},
            {"required_skills", QJsonArray::fromStringList(
                                    skills.isEmpty() ? QStringList() : skills.split(QChar(31)))},
            {"target_margin_pct",
             q.value(17).isNull()
                 ? QJsonValue()
                 : QJsonValue(crm::decimalFromText(q.value(17).toString()).toString())},
            {"loss_reason", q.value(18).isNull() ? QJsonValue() : q.value(18).toString()},
            {"competitor", q.value(19).isNull() ? QJsonValue() : q.value(19).toString()},
            {"description", q.value(20).isNull() ? QJsonValue() : q.value(20).toString()},
            {"is_open", q.value(21).toBool()},
            {"created_at", instantToJson(q.value(22).toDateTime())},
            {"updated_at", instantToJson(q.value(23).toDateTime())},
            {"version", q.value(24).toInt()}};
}

QJsonObject loadOpportunity(QSqlDatabase db, const Request &request, qint64 id, bool forUpdate)
{
    if (forUpdate)
        db::query(db, QStringLiteral("SELECT 1 FROM opportunities WHERE id = ? FOR UPDATE"), {id});
    QSqlQuery q = db::query(db, kOppSelect + QStringLiteral(" WHERE o.id = ?"), {id});
    if (!q.next() ||
        !crm::coversEntity(crm::entitiesFor(request, Permission::SalesUse), q.value(3).toString()))
        throw ApiError::notFound(QStringLiteral("There is no opportunity %1.").arg(id));
    QJsonObject o = oppJson(q);
    QSqlQuery sl = db::query(db,
                             QStringLiteral("SELECT s.code FROM opportunity_service_lines x JOIN "
                                            "service_lines s ON s.id = x.service_line_id WHERE "
                                            "x.opportunity_id = ? ORDER BY s.code"),
                             {id});
    QJsonArray lines;
    while (sl.next())
        lines.append(sl.value(0).toString());
    o.insert("service_lines", lines);
    QSqlQuery ef =
        db::query(db,
                  QStringLiteral("SELECT r.code, x.hours::text FROM opportunity_effort x "
                                 "JOIN job_roles r ON r.id = x.job_role_id WHERE "
                                 "x.opportunity_id = ? ORDER BY r.sort_order, r.code"),
                  {id});
    QJsonArray effort;
    while (ef.next())
        effort.append(
            QJsonObject{{"job_role", ef.value(0).toString()},
                        {"hours", crm::decimalFromText(ef.value(1).toString()).toString(2)}});
    o.insert("effort", effort);
    return o;
}

// --- list / board filters -------------------------------------------------------------------

struct Filter
{
    QString where;
    QVariantList binds;
};

Filter filterFrom(const Request &request)
{
    Filter f;
    QStringList parts;
    const auto param = [&](const char *name) {
        return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded)
            .trimmed();
    };
    const QStringList entities = crm::entitiesFor(request, Permission::SalesUse);
    if (!entities.contains(QStringLiteral("*"))) {
        parts << QStringLiteral("e.code = ANY(string_to_array(?, ','))");
        f.binds << entities.join(u',');
    }
    if (const QString v = param("owner"); !v.isEmpty()) {
        bool ok = false;
        const qint64 owner = v.toLongLong(&ok);
        if (!ok)
            throw ApiError::invalidField(QStringLiteral("owner"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a user id"));
        parts << QStringLiteral("o.owner_id = ?");
        f.binds << owner;
    }
    if (const QString v = param("practice"); !v.isEmpty()) {
        parts << QStringLiteral("p.code = ?");
        f.binds << v;
    }
    if (const QString v = param("stage"); !v.isEmpty()) {
        parts << QStringLiteral("s.code = ANY(string_to_array(?, ','))");
        f.binds << v;
    }
    if (const QString v = param("entity"); !v.isEmpty()) {
        parts << QStringLiteral("e.code = ?");
        f.binds << v;
    }
    for (const char *name : {"close_from", "close_to"}) {
        const QString v = param(name);
        if (v.isEmpty())
            continue;
        const auto day = parseDate(v);
        if (!day)
            throw ApiError::invalidField(QString::fromLatin1(name), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a date YYYY-MM-DD"));
        parts << (qstrcmp(name, "close_from") == 0 ? QStringLiteral("o.expected_close >= ?")
                                                   : QStringLiteral("o.expected_close <= ?"));
        f.binds << *day;
    }
    if (const QString v = param("q"); !v.isEmpty()) {
        QString like = v;
        like.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        parts << QStringLiteral("(o.name ILIKE ? OR a.name ILIKE ?)");
        f.binds << (u'%' + like + u'%') << (u'%' + like + u'%');
    }
    if (const QString v = param("open_only"); v == QLatin1String("true") || v == QLatin1String("1"))
        parts << QStringLiteral("o.is_open");
    f.where = parts.isEmpty() ? QString()
                              : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return f;
}

struct SortSpec
{
    QString expr;  // SQL sort key
    QString cast;  // cast of the cursor text back to the key's type
    int keyColumn; // the column of kOppSelect that carries the key as text
};

SortSpec sortSpec(const QString &sort)
{
    if (sort.isEmpty() || sort == QLatin1String("expected_close"))
        return {QStringLiteral("coalesce(o.expected_close, DATE '9999-12-31')"),
                QStringLiteral("date"), 26};
    if (sort == QLatin1String("value"))
        return {QStringLiteral("o.expected_value"), QStringLiteral("numeric"), 12};
    if (sort == QLatin1String("probability"))
        return {QStringLiteral("o.probability"), QStringLiteral("numeric"), 11};
    if (sort == QLatin1String("updated"))
        return {QStringLiteral("o.updated_at"), QStringLiteral("timestamptz"), 25};
    throw ApiError::invalidField(
        QStringLiteral("sort"), FieldErrorCode::InvalidValue,
        QStringLiteral("one of: expected_close, value, probability, updated"));
}

} // namespace

OpportunityService::OpportunityService(DbConfig config) : m_config(std::move(config)) {}

QSqlDatabase OpportunityService::db() const
{
    return db::connection(m_config);
}

qint64 OpportunityService::createInTransaction(QSqlDatabase db, const Request &request,
                                               const OpportunityDraft &d)
{
    JsonReader in{QJsonObject()};
    if (d.accountId <= 0)
        in.addError(QStringLiteral("account"), FieldErrorCode::Required,
                    QStringLiteral("required"));
    if (d.legalEntity.isEmpty())
        in.addError(QStringLiteral("legal_entity"), FieldErrorCode::Required,
                    QStringLiteral("required"));
    if (d.name.trimmed().isEmpty())
        in.addError(QStringLiteral("name"), FieldErrorCode::Required, QStringLiteral("required"));
    std::optional<Stage> stage = d.stage.isEmpty() ? firstOpenStage(db) : stageByCode(db, d.stage);
    if (!stage)
        in.addError(QStringLiteral("stage"), "unknown",
                    QStringLiteral("no active stage has the code %1").arg(d.stage));
    else if (stage->lost)
        in.addError(QStringLiteral("stage"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a new opportunity cannot start lost"));
    const Resolved r = resolve(db, request, d, in);
    const Decimal probability = d.probability.value_or(stage->defaultProbability);
    QSqlQuery q = db::query(
        db,
        QStringLiteral(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, practice_id, "
            "offering_id, name, description, stage_id, is_open, probability, expected_value, "
            "currency, expected_close, expected_start, required_skills, target_margin_pct, "
            "competitor, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric, "
            "?, ?, ?, ?::text[], ?::numeric, ?, ?) RETURNING id"),
        {r.entityId, d.accountId, r.ownerId, nullable(r.practiceId), nullable(d.offeringId),
         d.name.trimmed(), nullableText(d.description), stage->id, !(stage->won || stage->lost),
         probability.toString(), r.value.toString(), r.value.currency().code(),
         nullableDate(d.expectedClose), nullableDate(d.expectedStart),
         pgTextArray(d.requiredSkills),
         d.targetMarginPct ? QVariant(d.targetMarginPct->toString())
                           : QVariant(QMetaType::fromType<QString>()),
         nullableText(d.competitor), request.caller().user.id});
    q.next();
    const qint64 id = q.value(0).toLongLong();
    writeChildren(db, id, r);
    db::query(db,
              QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, to_stage_id, "
                             "probability, changed_by) VALUES (?, ?, ?::numeric, ?)"),
              {id, stage->id, probability.toString(), request.caller().user.id});
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("opportunity.create"),
                                        QStringLiteral("opportunity"), QString::number(id));
    audit.after = loadOpportunity(db, request, id, false);
    appendAudit(db, audit);
    return id;
}

QJsonObject OpportunityService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const OpportunityDraft d = readDraft(in);
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const qint64 id = createInTransaction(db(), request, d);
    const QJsonObject out = loadOpportunity(db(), request, id, false);
    tx.commit();
    return out;
}

QJsonObject OpportunityService::get(const Request &request, qint64 id) const
{
    return loadOpportunity(db(), request, id, false);
}

QJsonObject OpportunityService::update(const Request &request, qint64 id,
                                       const QJsonObject &body) const
{
    db::Transaction tx(db());
    const QJsonObject before = loadOpportunity(db(), request, id, true);
    requireVersion(request, body, before.value("version").toInt());
    if (body.contains(QStringLiteral("stage")) &&
        body.value(QStringLiteral("stage")).toString() != before.value("stage").toString())
        throw ApiError::invalidField(QStringLiteral("stage"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("change the stage with POST .../stage"));
    QJsonObject merged = before;
    for (auto it = body.begin(); it != body.end(); ++it)
        merged.insert(it.key(), it.value());
    JsonReader in(merged);
    OpportunityDraft d = readDraft(in);
    crm::throwIfInvalid(in);
    const Resolved r = resolve(db(), request, d, in);
    db::query(
        db(),
        QStringLiteral(
            "UPDATE opportunities SET legal_entity_id = ?, account_id = ?, owner_id = ?, "
            "practice_id = ?, offering_id = ?, name = ?, description = ?, probability = "
            "?::numeric, expected_value = ?::numeric, currency = ?, expected_close = ?, "
            "expected_start = ?, required_skills = ?::text[], target_margin_pct = ?::numeric, "
            "competitor = ?, version = version + 1, updated_at = now() WHERE id = ?"),
        {r.entityId, d.accountId, r.ownerId, nullable(r.practiceId), nullable(d.offeringId),
         d.name.trimmed(), nullableText(d.description),
         d.probability.value_or(Decimal()).toString(), r.value.toString(),
         r.value.currency().code(), nullableDate(d.expectedClose), nullableDate(d.expectedStart),
         pgTextArray(d.requiredSkills),
         d.targetMarginPct ? QVariant(d.targetMarginPct->toString())
                           : QVariant(QMetaType::fromType<QString>()),
         nullableText(d.competitor), id});
    writeChildren(db(), id, r);
    const QJsonObject after = loadOpportunity(db(), request, id, false);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("opportunity.update"),
                                        QStringLiteral("opportunity"), QString::number(id));
    audit.before = before;
    audit.after = after;
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

QJsonObject OpportunityService::changeStage(const Request &request, qint64 id,
                                            const QJsonObject &body) const
{
    JsonReader in(body);
    const QString code = in.requiredString(QStringLiteral("stage"));
    const QString lossReason =
        in.optionalString(QStringLiteral("loss_reason")).value_or(QString()).trimmed();
    const auto probability = in.optionalDecimal(QStringLiteral("probability"));
    if (probability && !isPercent2(*probability, false))
        in.addError(QStringLiteral("probability"), FieldErrorCode::InvalidValue,
                    QStringLiteral("a percentage from 0 to 100 with at most 2 decimals"));
    crm::throwIfInvalid(in);
    db::Transaction tx(db());
    const QJsonObject before = loadOpportunity(db(), request, id, true);
    requireVersion(request, body, before.value("version").toInt());
    const auto stage = stageByCode(db(), code);
    if (!stage)
        throw ApiError::invalidField(QStringLiteral("stage"), QStringLiteral("unknown"),
                                     QStringLiteral("no active stage has the code %1").arg(code));
    if (stage->lost && lossReason.isEmpty())
        throw ApiError::invalidField(QStringLiteral("loss_reason"), FieldErrorCode::Required,
                                     QStringLiteral("say why the opportunity was lost"));
    if (lossReason.size() > 2000)
        throw ApiError::invalidField(QStringLiteral("loss_reason"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("at most 2000 characters"));
    const Decimal p = probability.value_or(stage->defaultProbability);
    QSqlQuery from =
        db::query(db(), QStringLiteral("SELECT stage_id FROM opportunities WHERE id = ?"), {id});
    from.next();
    db::query(db(),
              QStringLiteral("UPDATE opportunities SET stage_id = ?, probability = ?::numeric, "
                             "is_open = ?, loss_reason = ?, version = version + 1, updated_at = "
                             "now() WHERE id = ?"),
              {stage->id, p.toString(), !(stage->won || stage->lost),
               stage->lost ? QVariant(lossReason) : QVariant(QMetaType::fromType<QString>()), id});
    db::query(db(),
              QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, "
                             "from_stage_id, to_stage_id, probability, loss_reason, changed_by) "
                             "VALUES (?, ?, ?, ?::numeric, ?, ?)"),
              {id, from.value(0), stage->id, p.toString(),
               stage->lost ? QVariant(lossReason) : QVariant(QMetaType::fromType<QString>()),
               request.caller().user.id});
    const QJsonObject after = loadOpportunity(db(), request, id, false);
    AuditEntry audit = AuditEntry::from(request, QStringLiteral("opportunity.stage"),
                                        QStringLiteral("opportunity"), QString::number(id));
    audit.before = {{"stage", before.value("stage")}, {"probability", before.value("probability")}};
    audit.after = {{"stage", after.value("stage")},
                   {"probability", after.value("probability")},
                   {"loss_reason", after.value("loss_reason")}};
    appendAudit(db(), audit);
    tx.commit();
    return after;
}

QJsonObject OpportunityService::history(const Request &request, qint64 id) const
{
    loadOpportunity(db(), request, id, false); // 404 outside scope
    QSqlQuery q =
        db::query(db(),
                  QStringLiteral(
                      "SELECT h.id, f.code, t.code, h.probability::text, h.loss_reason, "
                      "h.changed_by, u.display_name, h.changed_at FROM opportunity_stage_history h "
                      "LEFT JOIN opportunity_stages f ON f.id = h.from_stage_id JOIN "
                      "opportunity_stages t ON t.id = h.to_stage_id LEFT JOIN users u ON u.id = "
                      "h.changed_by WHERE h.opportunity_id = ? ORDER BY h.id LIMIT 500"),
                  {id});
    QJsonArray items;
    while (q.next())
        items.append(QJsonObject{
            {"id", idToJson(q.value(0).toLongLong())},
            {"from_stage", q.value(1).isNull() ? QJsonValue() : q.value(1).toString()},
            {"to_stage", q.value(2).toString()},
            {"probability", crm::decimalFromText(q.value(3).toString()).toString()},
            {"loss_reason", q.value(4).isNull() ? QJsonValue() : q.value(4).toString()},
            {"changed_by", q.value(5).isNull() ? QJsonValue() : idToJson(q.value(5).toLongLong())},
            {"changed_by_name", q.value(6).toString()},
            {"changed_at", instantToJson(q.value(7).toDateTime())}});
    return {{"items", items}};
}

QJsonObject OpportunityService::list(const Request &request) const
{
    int limit = 50;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            throw ApiError::invalidField(QStringLiteral("limit"), QStringLiteral("out_of_range"),
                                         QStringLiteral("a number from 1 to 500"));
    }
    const SortSpec sort = sortSpec(request.query.queryItemValue(QStringLiteral("sort")));
    const QString dir = request.query.queryItemValue(QStringLiteral("dir"));
    if (!dir.isEmpty() && dir != QLatin1String("asc") && dir != QLatin1String("desc"))
        throw ApiError::invalidField(QStringLiteral("dir"), FieldErrorCode::InvalidValue,
                                     QStringLiteral("asc or desc"));
    const bool desc = dir == QLatin1String("desc");
    Filter f = filterFrom(request);
    QString sql = kOppSelect + f.where;
    const QString after = request.query.queryItemValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        // The cursor is base64url("<sort key as text>\x1f<id>") of the last row seen.
        const QByteArray raw =
            QByteArray::fromBase64(after.toLatin1(), QByteArray::Base64UrlEncoding);
        const int sep = raw.lastIndexOf('\x1f');
        bool ok = sep > 0;
        const qint64 lastId = ok ? raw.mid(sep + 1).toLongLong(&ok) : 0;
        if (!ok)
            throw ApiError::invalidField(QStringLiteral("after"), FieldErrorCode::InvalidValue,
                                         QStringLiteral("a cursor from next_after"));
        sql += (f.where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) +
               QStringLiteral("(%1, o.id) %2 (?::%3, ?)")
                   .arg(sort.expr, desc ? QStringLiteral("<") : QStringLiteral(">"), sort.cast);
        f.binds << QString::fromUtf8(raw.left(sep)) << lastId;
    }
    sql += QStringLiteral(" ORDER BY %1 %2, o.id %2 LIMIT %3")
               .arg(sort.expr, desc ? QStringLiteral("DESC") : QStringLiteral("ASC"))
               .arg(limit);
    QSqlQuery q;
    try {
        q = db::query(db(), sql, f.binds);
    } catch (const DbError &e) {
        if (e.sqlState().startsWith(QLatin1String("22"))) // bad cursor text for the key type
            throw ApiError::invalidField(
                QStringLiteral("after"), FieldErrorCode::InvalidValue,
                QStringLiteral("a cursor from next_after with the same sort"));
        throw;
    }
    QJsonArray items;
    QString lastKey;
    qint64 lastId = 0;
    while (q.next()) {
        items.append(oppJson(q));
        lastKey = q.value(sort.keyColumn).toString();
        lastId = q.value(0).toLongLong();
    }
    QJsonObject page{{"items", items}};
    if (items.size() == limit)
        page.insert("next_after",
                    QString::fromLatin1((lastKey.toUtf8() + '\x1f' + QByteArray::number(lastId))
                                            .toBase64(QByteArray::Base64UrlEncoding |
                                                      QByteArray::OmitTrailingEquals)));
    return page;
}

QJsonObject OpportunityService::board(const Request &request) const
{
    Filter f = filterFrom(request);
    // Per stage and currency: count, value, and Σ value × probability (rounded once, below).
    QSqlQuery q = db::query(
        db(),
        QStringLiteral("SELECT s.id, o.currency, count(*), sum(o.expected_value)::text, "
                       "sum(o.expected_value * o.probability)::text FROM opportunities o "
                       "JOIN accounts a ON a.id = o.account_id JOIN legal_entities e ON e.id = "
                       "o.legal_entity_id JOIN opportunity_stages s ON s.id = o.stage_id LEFT JOIN "
                       "practices p ON p.id = o.practice_id") +
            f.where + QStringLiteral(" GROUP BY s.id, o.currency ORDER BY s.id, o.currency"),
        f.binds);
    QHash<qint64, QList<QJsonObject>> totals;
    QHash<qint64, int> counts;
    while (q.next()) {
        const qint64 stage = q.value(0).toLongLong();
        const QString currency = q.value(1).toString();
        const Money value = crm::moneyFromText(q.value(3).toString(), currency);
        // value (≤ 3 places) × probability (2 places) / 100: exact in Decimal, rounded once.
        const Decimal product = crm::decimalFromText(q.value(4).toString());
        const Decimal weightedExact = product.divide(Decimal::fromInt(100)).valueOr(Decimal());
        const auto c = Currency::fromCode(currency);
        const Money weighted = c ? Money::fromDecimal(weightedExact, *c).valueOr(Money()) : Money();
        counts[stage] += q.value(2).toInt();
        totals[stage].append(QJsonObject{{"currency", currency},
                                         {"count", q.value(2).toInt()},
                                         {"value", moneyToJson(value)},
                                         {"weighted_value", moneyToJson(weighted)}});
    }
    QSqlQuery s = db::query(db(),
                            QStringLiteral("SELECT id, code, name, default_probability::text, "
                                           "is_won, is_lost FROM opportunity_stages WHERE active "
                                           "ORDER BY sort_order"),
                            {});
    QJsonArray stages;
    while (s.next()) {
        const qint64 id = s.value(0).toLongLong();
        QJsonArray t;
        for (const QJsonObject &o : totals.value(id))
            t.append(o);
        stages.append(QJsonObject{
            {"stage", s.value(1).toString()},
            {"name", s.value(2).toString()},
            {"default_probability", crm::decimalFromText(s.value(3).toString()).toString()},
            {"is_won", s.value(4).toBool()},
            {"is_lost", s.value(5).toBool()},
            {"count", counts.value(id)},
            {"totals", t}});
    }
    return {{"stages", stages}};
}

} // namespace keel
