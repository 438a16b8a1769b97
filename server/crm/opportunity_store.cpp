#include "opportunity_store.h"

#include "json_codec.h"
#include "sales_store.h"

#include <QSqlQuery>

namespace keel::crm {

namespace {

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
            {"probability", decimalFromText(q.value(11).toString()).toString()},
            {"expected_value",
             moneyToJson(moneyFromText(q.value(12).toString(), q.value(13).toString()))},
            {"expected_close", optionalDateJson(q.value(14))},
            {"expected_start", optionalDateJson(q.value(15))},
            {"required_skills", QJsonArray::fromStringList(
                                    skills.isEmpty() ? QStringList() : skills.split(QChar(31)))},
            {"target_margin_pct",
             q.value(17).isNull() ? QJsonValue()
                                  : QJsonValue(decimalFromText(q.value(17).toString()).toString())},
            {"loss_reason", q.value(18).isNull() ? QJsonValue() : q.value(18).toString()},
            {"competitor", q.value(19).isNull() ? QJsonValue() : q.value(19).toString()},
            {"description", q.value(20).isNull() ? QJsonValue() : q.value(20).toString()},
            {"is_open", q.value(21).toBool()},
            {"created_at", instantToJson(q.value(22).toDateTime())},
            {"updated_at", instantToJson(q.value(23).toDateTime())},
            {"version", q.value(24).toInt()}};
}

struct Where
{
    QString sql;
    QVariantList binds;
};

Where whereOf(const OpportunityFilter &f)
{
    Where w;
    QStringList parts;
    if (const QString scope = entityScopeCondition(w.binds, f.entities, QStringLiteral("e.code"));
        !scope.isEmpty())
        parts << scope;
    if (f.ownerId) {
        parts << QStringLiteral("o.owner_id = ?");
        w.binds << *f.ownerId;
    }
    if (f.accountId) {
        parts << QStringLiteral("o.account_id = ?");
        w.binds << *f.accountId;
    }
    if (!f.practice.isEmpty()) {
        parts << QStringLiteral("p.code = ?");
        w.binds << f.practice;
    }
    if (!f.stages.isEmpty()) {
        parts << QStringLiteral("s.code = ANY(string_to_array(?, ','))");
        w.binds << f.stages;
    }
    if (!f.entity.isEmpty()) {
        parts << QStringLiteral("e.code = ?");
        w.binds << f.entity;
    }
    if (f.closeFrom.isValid()) {
        parts << QStringLiteral("o.expected_close >= ?");
        w.binds << f.closeFrom;
    }
    if (f.closeTo.isValid()) {
        parts << QStringLiteral("o.expected_close <= ?");
        w.binds << f.closeTo;
    }
    if (!f.text.isEmpty()) {
        QString like = f.text;
        like.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        parts << QStringLiteral("(o.name ILIKE ? OR a.name ILIKE ?)");
        w.binds << (u'%' + like + u'%') << (u'%' + like + u'%');
    }
    if (f.openOnly)
        parts << QStringLiteral("o.is_open");
    w.sql = parts.isEmpty() ? QString()
                            : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return w;
}

struct SortSpec
{
    QString expr;  // SQL sort key
    QString cast;  // cast of the cursor text back to the key's type
    int keyColumn; // the column of kOppSelect that carries the key as text
};

SortSpec sortSpec(OpportunitySort sort)
{
    switch (sort) {
    case OpportunitySort::Value:
        return {QStringLiteral("o.expected_value"), QStringLiteral("numeric"), 12};
    case OpportunitySort::Probability:
        return {QStringLiteral("o.probability"), QStringLiteral("numeric"), 11};
    case OpportunitySort::Updated:
        return {QStringLiteral("o.updated_at"), QStringLiteral("timestamptz"), 25};
    case OpportunitySort::ExpectedClose:
        break;
    }
    return {QStringLiteral("coalesce(o.expected_close, DATE '9999-12-31')"), QStringLiteral("date"),
            26};
}

QVariant nullableDecimal(const std::optional<Decimal> &d)
{
    return d ? QVariant(d->toString()) : QVariant(QMetaType::fromType<QString>());
}

StageInfo stageFrom(const QSqlQuery &q)
{
    return StageInfo{q.value(0).toLongLong(), q.value(1).toString(),
                     decimalFromText(q.value(2).toString()), q.value(3).toBool(),
                     q.value(4).toBool()};
}

} // namespace

std::optional<StageInfo> OpportunityStore::activeStage(const QString &code) const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral("SELECT id, code, default_probability::text, is_won, "
                                 "is_lost FROM opportunity_stages WHERE code = ? AND active"),
                  {code});
    if (!q.next())
        return std::nullopt;
    return stageFrom(q);
}

std::optional<StageInfo> OpportunityStore::firstOpenStage() const
{
    QSqlQuery q =
        db::query(m_db,
                  QStringLiteral("SELECT code FROM opportunity_stages WHERE active AND "
                                 "NOT is_won AND NOT is_lost ORDER BY sort_order LIMIT 1"),
                  {});
    if (!q.next())
        return std::nullopt;
    return activeStage(q.value(0).toString());
}

QList<QJsonObject> OpportunityStore::activeStages() const
{
    QSqlQuery s = db::query(m_db,
                            QStringLiteral("SELECT id, code, name, default_probability::text, "
                                           "is_won, is_lost FROM opportunity_stages WHERE active "
                                           "ORDER BY sort_order"),
                            {});
    QList<QJsonObject> stages;
    while (s.next())
        stages.append(
            QJsonObject{{"id", idToJson(s.value(0).toLongLong())},
                        {"stage", s.value(1).toString()},
                        {"name", s.value(2).toString()},
                        {"default_probability", decimalFromText(s.value(3).toString()).toString()},
                        {"is_won", s.value(4).toBool()},
                        {"is_lost", s.value(5).toBool()}});
    return stages;
}

std::optional<qint64> OpportunityStore::accountMergedInto(qint64 accountId) const
{
    QSqlQuery q = db::query(m_db, QStringLiteral("SELECT merged_into FROM accounts WHERE id = ?"),
                            {accountId});
    if (!q.next())
        return std::nullopt;
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

QList<QPair<qint64, Decimal>> OpportunityStore::offeringEffort(qint64 offeringId) const
{
    QSqlQuery q = db::query(m_db,
                            QStringLiteral("SELECT job_role_id, hours::text FROM "
                                           "offering_effort WHERE offering_id = ?"),
                            {offeringId});
    QList<QPair<qint64, Decimal>> effort;
    while (q.next())
        effort.append({q.value(0).toLongLong(), decimalFromText(q.value(1).toString())});
    return effort;
}

std::optional<QJsonObject> OpportunityStore::opportunity(qint64 id, bool forUpdate) const
{
    if (forUpdate)
        db::query(m_db, QStringLiteral("SELECT 1 FROM opportunities WHERE id = ? FOR UPDATE"),
                  {id});
    QSqlQuery q = db::query(m_db, kOppSelect + QStringLiteral(" WHERE o.id = ?"), {id});
    if (!q.next())
        return std::nullopt;
    QJsonObject o = oppJson(q);
    QSqlQuery sl = db::query(m_db,
                             QStringLiteral("SELECT s.code FROM opportunity_service_lines x JOIN "
                                            "service_lines s ON s.id = x.service_line_id WHERE "
                                            "x.opportunity_id = ? ORDER BY s.code"),
                             {id});
    QJsonArray lines;
    while (sl.next())
        lines.append(sl.value(0).toString());
    o.insert("service_lines", lines);
    QSqlQuery ef =
        db::query(m_db,
                  QStringLiteral("SELECT r.code, x.hours::text FROM opportunity_effort x "
                                 "JOIN job_roles r ON r.id = x.job_role_id WHERE "
                                 "x.opportunity_id = ? ORDER BY r.sort_order, r.code"),
                  {id});
    QJsonArray effort;
    while (ef.next())
        effort.append(QJsonObject{{"job_role", ef.value(0).toString()},
                                  {"hours", decimalFromText(ef.value(1).toString()).toString(2)}});
    o.insert("effort", effort);
    return o;
}

qint64 OpportunityStore::insert(const OpportunityFields &f, const StageInfo &stage,
                                qint64 createdBy) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral(
            "INSERT INTO opportunities (legal_entity_id, account_id, owner_id, practice_id, "
            "offering_id, name, description, stage_id, is_open, probability, expected_value, "
            "currency, expected_close, expected_start, required_skills, target_margin_pct, "
            "competitor, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric, "
            "?, ?, ?, ?::text[], ?::numeric, ?, ?) RETURNING id"),
        {f.entityId, f.accountId, f.ownerId, nullableId(f.practiceId), nullableId(f.offeringId),
         f.name, nullableText(f.description), stage.id, !(stage.won || stage.lost),
         f.probability.toString(), f.value.toString(), f.value.currency().code(),
         nullableDate(f.expectedClose), nullableDate(f.expectedStart),
         pgTextArray(f.requiredSkills), nullableDecimal(f.targetMarginPct),
         nullableText(f.competitor), createdBy});
    q.next();
    return q.value(0).toLongLong();
}

void OpportunityStore::update(qint64 id, const OpportunityFields &f) const
{
    db::query(
        m_db,
        QStringLiteral(
            "UPDATE opportunities SET legal_entity_id = ?, account_id = ?, owner_id = ?, "
            "practice_id = ?, offering_id = ?, name = ?, description = ?, probability = "
            "?::numeric, expected_value = ?::numeric, currency = ?, expected_close = ?, "
            "expected_start = ?, required_skills = ?::text[], target_margin_pct = ?::numeric, "
            "competitor = ?, version = version + 1, updated_at = now() WHERE id = ?"),
        {f.entityId, f.accountId, f.ownerId, nullableId(f.practiceId), nullableId(f.offeringId),
         f.name, nullableText(f.description), f.probability.toString(), f.value.toString(),
         f.value.currency().code(), nullableDate(f.expectedClose), nullableDate(f.expectedStart),
         pgTextArray(f.requiredSkills), nullableDecimal(f.targetMarginPct),
         nullableText(f.competitor), id});
}

void OpportunityStore::replaceChildren(qint64 id, const QList<qint64> &serviceLineIds,
                                       const QList<QPair<qint64, Decimal>> &effort) const
{
    db::query(m_db,
              QStringLiteral("DELETE FROM opportunity_service_lines WHERE opportunity_id = ?"),
              {id});
    for (qint64 line : serviceLineIds)
        db::query(m_db,
                  QStringLiteral("INSERT INTO opportunity_service_lines VALUES (?, ?) "
                                 "ON CONFLICT DO NOTHING"),
                  {id, line});
    db::query(m_db, QStringLiteral("DELETE FROM opportunity_effort WHERE opportunity_id = ?"),
              {id});
    for (const auto &e : effort)
        db::query(m_db, QStringLiteral("INSERT INTO opportunity_effort VALUES (?, ?, ?::numeric)"),
                  {id, e.first, e.second.toString()});
}

qint64 OpportunityStore::stageOf(qint64 id) const
{
    QSqlQuery from =
        db::query(m_db, QStringLiteral("SELECT stage_id FROM opportunities WHERE id = ?"), {id});
    return from.next() ? from.value(0).toLongLong() : 0;
}

void OpportunityStore::setStage(qint64 id, const StageInfo &stage, const Decimal &probability,
                                const QString &lossReason) const
{
    db::query(m_db,
              QStringLiteral("UPDATE opportunities SET stage_id = ?, probability = ?::numeric, "
                             "is_open = ?, loss_reason = ?, version = version + 1, updated_at = "
                             "now() WHERE id = ?"),
              {stage.id, probability.toString(), !(stage.won || stage.lost),
               nullableText(lossReason), id});
}

void OpportunityStore::insertHistory(qint64 id, qint64 fromStageId, qint64 toStageId,
                                     const Decimal &probability, const QString &lossReason,
                                     qint64 changedBy) const
{
    db::query(m_db,
              QStringLiteral("INSERT INTO opportunity_stage_history (opportunity_id, "
                             "from_stage_id, to_stage_id, probability, loss_reason, changed_by) "
                             "VALUES (?, ?, ?, ?::numeric, ?, ?)"),
              {id, nullableId(fromStageId), toStageId, probability.toString(),
               nullableText(lossReason), changedBy});
}

QJsonArray OpportunityStore::history(qint64 id, int limit) const
{
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT h.id, f.code, t.code, h.probability::text, h.loss_reason, "
                       "h.changed_by, u.display_name, h.changed_at FROM opportunity_stage_history "
                       "h LEFT JOIN opportunity_stages f ON f.id = h.from_stage_id JOIN "
                       "opportunity_stages t ON t.id = h.to_stage_id LEFT JOIN users u ON u.id = "
                       "h.changed_by WHERE h.opportunity_id = ? ORDER BY h.id LIMIT %1")
            .arg(limit),
        {id});
    QJsonArray items;
    while (q.next())
        items.append(QJsonObject{
            {"id", idToJson(q.value(0).toLongLong())},
            {"from_stage", q.value(1).isNull() ? QJsonValue() : q.value(1).toString()},
            {"to_stage", q.value(2).toString()},
            {"probability", decimalFromText(q.value(3).toString()).toString()},
            {"loss_reason", q.value(4).isNull() ? QJsonValue() : q.value(4).toString()},
            {"changed_by", q.value(5).isNull() ? QJsonValue() : idToJson(q.value(5).toLongLong())},
            {"changed_by_name", q.value(6).toString()},
            {"changed_at", instantToJson(q.value(7).toDateTime())}});
    return items;
}

OpportunityPage OpportunityStore::list(const OpportunityFilter &filter, OpportunitySort sortBy,
                                       bool desc, const std::optional<QString> &afterKey,
                                       qint64 afterId, int limit) const
{
    const SortSpec sort = sortSpec(sortBy);
    Where w = whereOf(filter);
    QString sql = kOppSelect + w.sql;
    if (afterKey) {
        sql += (w.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) +
               QStringLiteral("(%1, o.id) %2 (?::%3, ?)")
                   .arg(sort.expr, desc ? QStringLiteral("<") : QStringLiteral(">"), sort.cast);
        w.binds << *afterKey << afterId;
    }
    sql += QStringLiteral(" ORDER BY %1 %2, o.id %2 LIMIT %3")
               .arg(sort.expr, desc ? QStringLiteral("DESC") : QStringLiteral("ASC"))
               .arg(limit);
    QSqlQuery q = db::query(m_db, sql, w.binds);
    OpportunityPage page;
    while (q.next()) {
        page.items.append(oppJson(q));
        page.lastKey = q.value(sort.keyColumn).toString();
        page.lastId = q.value(0).toLongLong();
    }
    return page;
}

QList<BoardTotal> OpportunityStore::boardTotals(const OpportunityFilter &filter) const
{
    const Where w = whereOf(filter);
    QSqlQuery q = db::query(
        m_db,
        QStringLiteral("SELECT s.id, o.currency, count(*), sum(o.expected_value)::text, "
                       "sum(o.expected_value * o.probability)::text FROM opportunities o "
                       "JOIN accounts a ON a.id = o.account_id JOIN legal_entities e ON e.id = "
                       "o.legal_entity_id JOIN opportunity_stages s ON s.id = o.stage_id LEFT JOIN "
                       "practices p ON p.id = o.practice_id") +
            w.sql + QStringLiteral(" GROUP BY s.id, o.currency ORDER BY s.id, o.currency"),
        w.binds);
    QList<BoardTotal> totals;
    while (q.next())
        totals.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt(),
                       q.value(3).toString(), q.value(4).toString()});
    return totals;
}

} // namespace keel::crm
