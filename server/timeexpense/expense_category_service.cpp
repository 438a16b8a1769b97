#include "expense_category_service.h"

#include "audit/audit_log.h"
#include "expense_values.h"
#include "http/concurrency.h"
#include "http/http_types.h"
#include "json_codec.h"
#include "permissions.h"

#include <QRegularExpression>

namespace keel {

using namespace expense_values;

namespace {

void requireFinance(const Request &request, const QString &entity)
{
    if (!covers(request.caller().entitiesFor(QString::fromLatin1(Permission::FinanceUse)), entity))
        throw ApiError::forbidden(
            QStringLiteral("Expense categories of %1 are set up by its finance.").arg(entity));
}

// Reads the policy fields into `c` (those present; all of them when `creating`).
void readPolicy(JsonReader &in, CategoryRow &c, bool creating)
{
    if (creating || in.has(QStringLiteral("name"))) {
        c.name = in.requiredString(QStringLiteral("name")).trimmed();
        if (c.name.size() > 200)
            in.addError(QStringLiteral("name"), "invalid_value",
                        QStringLiteral("1 to 200 characters"));
    }
    if (creating || in.has(QStringLiteral("cap_kind")))
        c.capKind = in.optionalString(QStringLiteral("cap_kind")).value_or(QStringLiteral("none"));
    if (in.has(QStringLiteral("cap_amount")) || creating) {
        const auto cap = in.optionalDecimal(QStringLiteral("cap_amount"));
        c.capAmount = cap ? cap->toString() : QString();
        if (cap && (!cap->isPositive() || cap->rounded(2) != *cap))
            in.addError(QStringLiteral("cap_amount"), "invalid_value",
                        QStringLiteral("more than zero, in cents"));
    }
    if (in.has(QStringLiteral("receipt_required_above")) || creating) {
        const auto above = in.optionalDecimal(QStringLiteral("receipt_required_above"));
        c.receiptRequiredAbove = above ? above->toString() : QStringLiteral("0");
        if (above && (above->isNegative() || above->rounded(2) != *above))
            in.addError(QStringLiteral("receipt_required_above"), "invalid_value",
                        QStringLiteral("not negative, in cents"));
    }
    if (const auto b = in.optionalBool(QStringLiteral("billable_default")))
        c.billableDefault = *b;
    if (in.has(QStringLiteral("markup_pct")) || creating) {
        const auto m = in.optionalDecimal(QStringLiteral("markup_pct"));
        c.markupPct = m ? m->toString() : QStringLiteral("0");
        if (m && (m->isNegative() || *m > Decimal::fromInt(100) || m->rounded(4) != *m))
            in.addError(QStringLiteral("markup_pct"), "invalid_value",
                        QStringLiteral("0 to 100, at most 4 decimals"));
    }
    if (const auto a = in.optionalBool(QStringLiteral("active")))
        c.active = *a;
    if (c.capKind != QLatin1String("none") && c.capKind != QLatin1String("per_item") &&
        c.capKind != QLatin1String("per_day"))
        in.addError(QStringLiteral("cap_kind"), "invalid_value",
                    QStringLiteral("none, per_item or per_day"));
    else if ((c.capKind == QLatin1String("none")) != c.capAmount.isEmpty())
        in.addError(QStringLiteral("cap_amount"), "invalid_value",
                    QStringLiteral("a cap amount goes with cap_kind per_item or per_day, and "
                                   "only with them"));
}

void audit(const Request &request, QSqlDatabase db, const QString &action, qint64 id,
           const QJsonObject &before, const QJsonObject &after)
{
    AuditEntry e =
        AuditEntry::from(request, action, QStringLiteral("expense_category"), QString::number(id));
    e.before = before;
    e.after = after;
    appendAudit(db, e);
}

} // namespace

QJsonObject ExpenseCategoryService::create(const Request &request, const QJsonObject &body) const
{
    JsonReader in(body);
    const QString entity = in.requiredString(QStringLiteral("legal_entity"));
    const QString code = in.requiredString(QStringLiteral("code"));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    requireFinance(request, entity);
    const auto entityId = m_store.entityId(entity);
    if (!entityId)
        throw ApiError::invalidField(QStringLiteral("legal_entity"), "unknown",
                                     QStringLiteral("no legal entity has this code"));
    CategoryRow c;
    c.legalEntityId = *entityId;
    readPolicy(in, c, true);
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9_]{2,24}$"));
    if (!codePattern.match(code).hasMatch())
        in.addError(QStringLiteral("code"), "invalid_value",
                    QStringLiteral("2 to 24 of A-Z, 0-9 and _"));
    else if (m_store.categoryCodeTaken(c.legalEntityId, code, 0))
        in.addError(QStringLiteral("code"), "duplicate",
                    QStringLiteral("%1 already has a category with this code").arg(entity));
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    db::Transaction tx(m_store.db());
    const qint64 id = m_store.insertCategory(c, code);
    const QJsonObject after = *m_store.categoryJson(id, false);
    audit(request, m_store.db(), QStringLiteral("expense_category.create"), id, {}, after);
    tx.commit();
    return after;
}

QJsonObject ExpenseCategoryService::update(const Request &request, qint64 id,
                                           const QJsonObject &body) const
{
    db::Transaction tx(m_store.db());
    const auto before = m_store.categoryJson(id, true);
    if (!before)
        throw ApiError::notFound(QStringLiteral("There is no expense category %1.").arg(id));
    requireFinance(request, before->value("legal_entity").toString());
    requireVersion(request, body, before->value("version").toInt());
    CategoryRow c = *m_store.category(id);
    JsonReader in(body);
    readPolicy(in, c, false);
    if (!in.ok())
        throw ApiError::invalid(in.errors());
    m_store.updateCategory(c);
    const QJsonObject after = *m_store.categoryJson(id, false);
    audit(request, m_store.db(), QStringLiteral("expense_category.update"), id, *before, after);
    tx.commit();
    return after;
}

} // namespace keel
