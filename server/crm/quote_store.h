#pragma once

// SQL for quotes and their lines, and the opportunity facts a quote is priced and approved
// with. Decides nothing (pricing is quote_pricing, the lifecycle is QuoteService). Runs on the
// connection it is given, so it joins the caller's open transaction.

#include "decimal.h"
#include "money.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keel::crm {

// The opportunity a quote belongs to.
struct QuoteOpportunity
{
    qint64 id = 0;
    qint64 entityId = 0;
    QString entity;
    QString practice;
    qint64 accountId = 0;
    QString currency;
    QString name;
    QString targetMargin; // "" when none
};

// The header content a quote is (re)written with, totals included.
struct QuoteContent
{
    QString currency;
    QDate quoteDate;
    Decimal discountPct;
    QString title;
    QString notes; // empty = none
    Money list;
    Money discount;
    Money net;
    Money cost;
    Money margin;
    std::optional<Decimal> marginPct;
};

struct QuoteLineRow
{
    QString kind; // "role" or "fixed"
    QString description;
    qint64 jobRoleId = 0;
    Decimal hours;
    Decimal rate;
    QString rateSource;
    Decimal costRate;
    Money list;
    Money cost;
};

// A stored quote: the JSON the API returns (without read_only) and the fields rules need.
struct QuoteRecord
{
    QJsonObject json;
    qint64 opportunityId = 0;
    QString legalEntity;
    QString status;
    int version = 0;
    int versionNo = 0;
    qint64 submittedBy = 0;
};

class QuoteStore
{
public:
    explicit QuoteStore(QSqlDatabase db) : m_db(std::move(db)) {}

    std::optional<QuoteOpportunity> opportunity(qint64 id) const;

    // forUpdate locks the quote row first.
    std::optional<QuoteRecord> quote(qint64 id, bool forUpdate = false) const;
    QList<qint64> quoteIds(qint64 opportunityId, int limit) const; // newest version first
    int latestVersionNo(qint64 opportunityId) const;
    // A new header with the next version_no of the opportunity.
    qint64 insertQuote(const QuoteOpportunity &opp, const QString &title, const QString &currency,
                       QDate quoteDate, qint64 createdBy) const;
    // Rewrites the header content and replaces every line.
    void writeContent(qint64 id, const QuoteContent &c, const QList<QuoteLineRow> &lines) const;
    void bumpVersion(qint64 id) const;
    // status = `status`, version + 1; the optional stamps set now().
    void setStatus(qint64 id, const QString &status) const;
    void markSubmitted(qint64 id, const QString &status, qint64 userId) const;
    void markDecided(qint64 id, const QString &status, bool bumpVersion) const;
    void markAccepted(qint64 id, const QString &status) const;
    void setApprovalRequest(qint64 id, qint64 approvalRequestId) const;
    // A new draft copied from `id` (header and lines) as version_no + 1; answers its id.
    qint64 copyAsNextVersion(qint64 id, qint64 createdBy) const;
    // Current status, nullopt when no such quote.
    std::optional<QString> status(qint64 id, bool forUpdate) const;

private:
    QSqlDatabase m_db;
};

} // namespace keel::crm
