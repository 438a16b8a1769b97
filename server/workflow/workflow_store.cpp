#include "workflow_store.h"

#include "db/database.h"
#include "json_codec.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace keel {

namespace {

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qint64>());
}
QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}
QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : nullInt();
}
QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? nullText() : QVariant(s);
}

// A PostgreSQL text[] literal; every element double-quoted and escaped.
QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items) {
        s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        quoted.append(u'"' + s + u'"');
    }
    return u'{' + quoted.join(u',') + u'}';
}

QStringList fromTextArray(const QString &literal)
{
    // Roles are plain identifiers, so PostgreSQL prints them unquoted: {a,b}.
    QString s = literal;
    if (s.startsWith(u'{'))
        s = s.mid(1, s.size() - 2);
    return s.isEmpty() ? QStringList() : s.split(u',');
}

const QString kPolicyColumns = QStringLiteral(
    "p.id, p.document_type, p.name, p.fact, p.operator, p.threshold_value::text, "
    "p.threshold_fact, p.approver_roles::text, coalesce(p.legal_entity_id, 0), "
    "coalesce(le.code, ''), coalesce(p.practice_id, 0), coalesce(pr.code, ''), p.priority, "
    "p.active, p.version, p.updated_at, p.same_practice "
    "FROM approval_policies p LEFT JOIN legal_entities le ON le.id = p.legal_entity_id "
    "LEFT JOIN practices pr ON pr.id = p.practice_id ");

PolicyRow policyFrom(const QSqlQuery &q)
{
    PolicyRow p;
    p.id = q.value(0).toLongLong();
    p.documentType = q.value(1).toString();
    p.name = q.value(2).toString();
    p.fact = q.value(3).toString();
    p.op = q.value(4).toString();
    if (!q.value(5).isNull())
        p.thresholdValue = Decimal::parse(q.value(5).toString()).value();
    p.thresholdFact = q.value(6).toString();
    p.roles = fromTextArray(q.value(7).toString());
    p.legalEntityId = q.value(8).toLongLong();
    p.legalEntity = q.value(9).toString();
    p.practiceId = q.value(10).toLongLong();
    p.practice = q.value(11).toString();
    p.priority = q.value(12).toInt();
    p.active = q.value(13).toBool();
    p.version = q.value(14).toInt();
    p.updatedAt = q.value(15).toDateTime().toUTC();
    p.samePractice = q.value(16).toBool();
    return p;
}

const QString kRequestColumns = QStringLiteral(
    "r.id, r.document_type, r.document_id, r.legal_entity_id, le.code, coalesce(pr.code, ''), "
    "r.submitter_id, u.display_name, r.title, r.facts::text, r.status, r.current_step, "
    "r.submitted_at, r.decided_at, r.version ");
const QString kRequestFrom = QStringLiteral(
    "FROM approval_requests r JOIN legal_entities le ON le.id = r.legal_entity_id "
    "JOIN users u ON u.id = r.submitter_id LEFT JOIN practices pr ON pr.id = r.practice_id ");

RequestRow requestFrom(const QSqlQuery &q)
{
    RequestRow r;
    r.id = q.value(0).toLongLong();
    r.documentType = q.value(1).toString();
    r.documentId = q.value(2).toString();
    r.legalEntityId = q.value(3).toLongLong();
    r.legalEntity = q.value(4).toString();
    r.practice = q.value(5).toString();
    r.submitterId = q.value(6).toLongLong();
    r.submitterName = q.value(7).toString();
    r.title = q.value(8).toString();
    r.facts = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).object();
    r.status = q.value(10).toString();
    r.currentStep = q.value(11).toInt();
    r.submittedAt = q.value(12).toDateTime().toUTC();
    if (!q.value(13).isNull())
        r.decidedAt = q.value(13).toDateTime().toUTC();
    r.version = q.value(14).toInt();
    return r;
}

} // namespace

// (PolicyRow lives in keel)
QJsonObject PolicyRow::toJson() const
{
    return {{"id", idToJson(id)},
            {"document_type", documentType},
            {"name", name},
            {"condition",
             QJsonObject{{"fact", fact},
                         {"operator", op},
                         {"threshold", thresholdValue ? thresholdValue->toString() : thresholdFact},
                         {"threshold_kind", thresholdValue ? "number" : "fact"}}},
            {"approver_roles", QJsonArray::fromStringList(roles)},
            {"legal_entity", legalEntity.isEmpty() ? QJsonValue() : QJsonValue(legalEntity)},
            {"practice", practice.isEmpty() ? QJsonValue() : QJsonValue(practice)},
            {"priority", priority},
            {"active", active},
            {"same_practice", samePractice},
            {"version", version},
            {"updated_at", instantToJson(updatedAt)}};
}

namespace workflow_store {

std::optional<qint64> legalEntityId(QSqlDatabase db, const QString &code)
{
    QSqlQuery q =
        db::query(db, QStringLiteral("SELECT id FROM legal_entities WHERE code = ?"), {code});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<qint64> practiceId(QSqlDatabase db, const QString &code)
{
    QSqlQuery q = db::query(db, QStringLiteral("SELECT id FROM practices WHERE code = ?"), {code});
    return q.next() ? std::optional<qint64>(q.value(0).toLongLong()) : std::nullopt;
}

QList<PolicyRow> matchingPolicies(QSqlDatabase db, const QString &documentType,
                                  qint64 legalEntityId, qint64 practiceId)
{
    QSqlQuery q =
        db::query(db,
                  QStringLiteral("SELECT ") + kPolicyColumns +
                      QStringLiteral("WHERE p.document_type = ? AND p.active "
                                     "AND (p.legal_entity_id IS NULL OR p.legal_entity_id = ?) "
                                     "AND (p.practice_id IS NULL OR p.practice_id = ?) "
                                     "ORDER BY p.priority, p.id"),
                  {documentType, legalEntityId, practiceId});
    QList<PolicyRow> rows;
    while (q.next())
        rows.append(policyFrom(q));
    return rows;
}

QList<PolicyRow> listPolicies(QSqlDatabase db, qint64 after, int limit, const QString &documentType)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT ") + kPolicyColumns +
                                QStringLiteral("WHERE p.id > ? AND (?::text IS NULL OR "
                                               "p.document_type = ?::text) ORDER BY p.id LIMIT ?"),
                            {after, textOrNull(documentType), textOrNull(documentType), limit});
    QList<PolicyRow> rows;
    while (q.next())
        rows.append(policyFrom(q));
    return rows;
}

std::optional<PolicyRow> policy(QSqlDatabase db, qint64 id, bool forUpdate)
{
    QSqlQuery q =
        db::query(db,
                  QStringLiteral("SELECT ") + kPolicyColumns + QStringLiteral("WHERE p.id = ?") +
                      (forUpdate ? QStringLiteral(" FOR UPDATE OF p") : QString()),
                  {id});
    return q.next() ? std::optional<PolicyRow>(policyFrom(q)) : std::nullopt;
}

qint64 insertPolicy(QSqlDatabase db, const PolicyRow &p)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("INSERT INTO approval_policies (document_type, name, fact, operator, "
                       "threshold_value, threshold_fact, approver_roles, legal_entity_id, "
                       "practice_id, priority, active, same_practice) VALUES (?, ?, ?, ?, "
                       "?::numeric, ?, ?::text[], ?, ?, ?, ?, ?) RETURNING id"),
        {p.documentType, p.name, p.fact, p.op,
         p.thresholdValue ? QVariant(p.thresholdValue->toString()) : nullText(),
         p.thresholdValue ? nullText() : QVariant(p.thresholdFact), textArray(p.roles),
         idOrNull(p.legalEntityId), idOrNull(p.practiceId), p.priority, p.active, p.samePractice});
    q.next();
    return q.value(0).toLongLong();
}

void updatePolicy(QSqlDatabase db, const PolicyRow &p)
{
    db::query(db,
              QStringLiteral("UPDATE approval_policies SET document_type = ?, name = ?, fact = ?, "
                             "operator = ?, threshold_value = ?::numeric, threshold_fact = ?, "
                             "approver_roles = ?::text[], legal_entity_id = ?, practice_id = ?, "
                             "priority = ?, active = ?, same_practice = ?, version = version + 1, "
                             "updated_at = now() WHERE id = ?"),
              {p.documentType, p.name, p.fact, p.op,
               p.thresholdValue ? QVariant(p.thresholdValue->toString()) : nullText(),
               p.thresholdValue ? nullText() : QVariant(p.thresholdFact), textArray(p.roles),
               idOrNull(p.legalEntityId), idOrNull(p.practiceId), p.priority, p.active,
               p.samePractice, p.id});
}

bool deletePolicy(QSqlDatabase db, qint64 id)
{
    QSqlQuery q = db::query(
        db, QStringLiteral("DELETE FROM approval_policies WHERE id = ? RETURNING id"), {id});
    return q.next();
}

qint64 insertRequest(QSqlDatabase db, const RequestRow &r)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("INSERT INTO approval_requests (document_type, document_id, "
                       "legal_entity_id, practice_id, submitter_id, title, facts) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id"),
        {r.documentType, r.documentId, r.legalEntityId,
         r.practice.isEmpty() ? nullInt() : QVariant(practiceId(db, r.practice).value_or(0)),
         r.submitterId, r.title,
         QString::fromUtf8(QJsonDocument(r.facts).toJson(QJsonDocument::Compact))});
    q.next();
    return q.value(0).toLongLong();
}

void insertStep(QSqlDatabase db, qint64 requestId, int order, const QString &role,
                const QString &reason, bool samePractice)
{
    db::query(db,
              QStringLiteral("INSERT INTO approval_steps (request_id, step_order, role, reason, "
                             "same_practice) VALUES (?, ?, ?, ?, ?)"),
              {requestId, order, role, reason, samePractice});
}

QString userPractice(QSqlDatabase db, qint64 userId)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT pr.code FROM users u JOIN practices pr "
                                           "ON pr.id = u.practice_id WHERE u.id = ?"),
                            {userId});
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<RequestRow> request(QSqlDatabase db, qint64 id, bool forUpdate)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT ") + kRequestColumns + kRequestFrom +
                                QStringLiteral("WHERE r.id = ?") +
                                (forUpdate ? QStringLiteral(" FOR UPDATE OF r") : QString()),
                            {id});
    return q.next() ? std::optional<RequestRow>(requestFrom(q)) : std::nullopt;
}

std::optional<RequestRow> latestRequest(QSqlDatabase db, const QString &documentType,
                                        const QString &documentId)
{
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT ") + kRequestColumns + kRequestFrom +
                                QStringLiteral("WHERE r.document_type = ? AND r.document_id = ? "
                                               "ORDER BY r.id DESC LIMIT 1"),
                            {documentType, documentId});
    return q.next() ? std::optional<RequestRow>(requestFrom(q)) : std::nullopt;
}

QList<StepRow> steps(QSqlDatabase db, qint64 requestId)
{
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT s.id, s.step_order, s.role, s.reason, s.status, "
                       "coalesce(s.decided_by, 0), coalesce(u.display_name, ''), s.decided_at, "
                       "coalesce(s.comment, ''), s.same_practice FROM approval_steps s "
                       "LEFT JOIN users u ON u.id = s.decided_by "
                       "WHERE s.request_id = ? ORDER BY s.step_order"),
        {requestId});
    QList<StepRow> rows;
    while (q.next()) {
        StepRow s;
        s.id = q.value(0).toLongLong();
        s.order = q.value(1).toInt();
        s.role = q.value(2).toString();
        s.reason = q.value(3).toString();
        s.status = q.value(4).toString();
        s.decidedBy = q.value(5).toLongLong();
        s.decidedByName = q.value(6).toString();
        if (!q.value(7).isNull())
            s.decidedAt = q.value(7).toDateTime().toUTC();
        s.comment = q.value(8).toString();
        s.samePractice = q.value(9).toBool();
        rows.append(s);
    }
    return rows;
}

void decideStep(QSqlDatabase db, qint64 requestId, int order, const QString &status, qint64 userId,
                const QString &comment)
{
    db::query(db,
              QStringLiteral("UPDATE approval_steps SET status = ?, decided_by = ?, "
                             "decided_at = now(), comment = ? "
                             "WHERE request_id = ? AND step_order = ? AND status = 'pending'"),
              {status, userId, textOrNull(comment), requestId, order});
}

void skipStepsAfter(QSqlDatabase db, qint64 requestId, int order)
{
    db::query(db,
              QStringLiteral("UPDATE approval_steps SET status = 'skipped' "
                             "WHERE request_id = ? AND step_order > ? AND status = 'pending'"),
              {requestId, order});
}

void advance(QSqlDatabase db, qint64 requestId, int nextStep)
{
    db::query(db,
              QStringLiteral("UPDATE approval_requests SET current_step = ?, "
                             "version = version + 1 WHERE id = ?"),
              {nextStep, requestId});
}

void finish(QSqlDatabase db, qint64 requestId, const QString &status)
{
    db::query(db,
              QStringLiteral("UPDATE approval_requests SET status = ?, current_step = 0, "
                             "decided_at = now(), version = version + 1 WHERE id = ?"),
              {status, requestId});
}

namespace {
const QString kInboxWhere = QStringLiteral(
    "r.status = 'pending' AND r.submitter_id <> ? "
    "AND EXISTS (SELECT 1 FROM approval_steps s WHERE s.request_id = r.id "
    "AND s.step_order = r.current_step "
    "AND (s.role || '@' || le.code = ANY (?::text[]) OR s.role || '@*' = ANY (?::text[])) "
    "AND (NOT s.same_practice "
    "OR r.practice_id = (SELECT up.practice_id FROM users up WHERE up.id = ?))) ");
}

QList<RequestRow> inbox(QSqlDatabase db, qint64 userId, const QStringList &grants, qint64 after,
                        int limit, const QString &documentType, QStringList *stepRoles)
{
    const QString g = textArray(grants);
    QSqlQuery q = db::query(
        db,
        QStringLiteral("SELECT ") + kRequestColumns +
            QStringLiteral(", (SELECT s.role FROM approval_steps s WHERE s.request_id = r.id "
                           "AND s.step_order = r.current_step) ") +
            kRequestFrom + QStringLiteral("WHERE ") + kInboxWhere +
            QStringLiteral("AND r.id > ? AND (?::text IS NULL OR r.document_type = ?::text) "
                           "ORDER BY r.id LIMIT ?"),
        {userId, g, g, userId, after, textOrNull(documentType), textOrNull(documentType), limit});
    QList<RequestRow> rows;
    while (q.next()) {
        rows.append(requestFrom(q));
        stepRoles->append(q.value(15).toString());
    }
    return rows;
}

int inboxCount(QSqlDatabase db, qint64 userId, const QStringList &grants)
{
    const QString g = textArray(grants);
    QSqlQuery q = db::query(db,
                            QStringLiteral("SELECT count(*) FROM approval_requests r "
                                           "JOIN legal_entities le ON le.id = r.legal_entity_id "
                                           "WHERE ") +
                                kInboxWhere,
                            {userId, g, g, userId});
    q.next();
    return q.value(0).toInt();
}

} // namespace workflow_store
} // namespace keel
