#include "collections_forecast_service.h"

#include "currency.h"
#include "http/http_types.h"
#include "http/paging.h"
#include "json_codec.h"
#include "money.h"

#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace keel {

namespace {

const QString kModel = QStringLiteral("collections");
constexpr int kSimulations = 1000;

QString ratio(double v)
{
    return QString::number(std::isfinite(v) ? v : 0.0, 'f', 4);
}

QString percent(double v)
{
    return QString::number(std::lround(v * 100)) + u'%';
}

QString days(int d)
{
    return d == 1 || d == -1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(std::abs(d));
}

// "40 days after due" / "3 days before due" / "on the due date".
QString relative(double d)
{
    const int n = int(std::lround(d));
    if (n == 0)
        return QStringLiteral("on the due date");
    return days(n) + (n > 0 ? QStringLiteral(" after due") : QStringLiteral(" before due"));
}

QJsonArray factorsOf(const CollectionsParams &p, const CollectionsExpectation &e)
{
    QJsonArray out;
    const CollectionsOpenInvoice &inv = e.invoice;
    const double firmMedian = p.firmSettle.median();
    const auto client = p.settle.constFind(inv.accountId);
    const int paid = p.paid.value(inv.accountId);
    const int unpaid = p.unpaid.value(inv.accountId);
    if (client != p.settle.constEnd() && client->count() > 0 && paid > 0) {
        const double med = client->median();
        const double late = client->shareAbove(CollectionsLateDays);
        const QString overdueNote =
            unpaid > 0 ? QStringLiteral(" (%1 overdue invoice%2 not paid at all counted as later "
                                        "than overdue)")
                             .arg(unpaid)
                             .arg(unpaid == 1 ? QString() : QStringLiteral("s"))
                       : QString();
        out.append(QJsonObject{
            {"factor", "client_history"},
            {"value", med},
            {"compared_with", firmMedian},
            {"invoices", paid},
            {"unpaid_overdue", unpaid},
            {"late_30_share", ratio(late)},
            {"text", QStringLiteral("%1 paid %2 invoice%3, at the median %4 (the firm: %5); "
                                    "%6 of them more than 30 days late%7.")
                         .arg(inv.account)
                         .arg(paid)
                         .arg(paid == 1 ? QString() : QStringLiteral("s"))
                         .arg(relative(med), relative(firmMedian), percent(late), overdueNote)}});
    } else {
        out.append(QJsonObject{
            {"factor", "client_history"},
            {"value", QJsonValue()},
            {"compared_with", firmMedian},
            {"invoices", 0},
            {"text", QStringLiteral("%1 has no paid invoice yet: the firm's history stands in "
                                    "(at the median %2).")
                         .arg(inv.account, relative(firmMedian))}});
    }
    const int band = collectionsAmountBand(inv.total);
    const double bandMedian = p.bandMedian[std::size_t(band)];
    out.append(QJsonObject{
        {"factor", "amount_band"},
        {"value", collectionsAmountBandLabel(band)},
        {"band_median", bandMedian},
        {"compared_with", firmMedian},
        {"text", QStringLiteral("Invoices of %1 %2 were paid, at the median, %3 (all invoices: "
                                "%4).")
                     .arg(collectionsAmountBandLabel(band), inv.currency, relative(bandMedian),
                          relative(firmMedian))}});
    if (e.overdueDays > 0 && e.prediction.beyondHistory) {
        out.append(
            QJsonObject{{"factor", "overdue"},
                        {"value", e.overdueDays},
                        {"compared_with", e.prediction.delay},
                        {"text", QStringLiteral("Already %1 overdue.").arg(days(e.overdueDays))}});
    } else if (e.overdueDays > 0) {
        out.append(QJsonObject{
            {"factor", "overdue"},
            {"value", e.overdueDays},
            {"compared_with", e.prediction.delay},
            {"text", QStringLiteral("Already %1 overdue: invoices still unpaid this late were "
                                    "paid, at the median, %2: %3.")
                         .arg(days(e.overdueDays), relative(e.prediction.delay),
                              e.prediction.delay == e.overdueDays
                                  ? QStringLiteral("today")
                                  : days(e.prediction.delay - e.overdueDays) +
                                        QStringLiteral(" from today"))}});
    } else {
        out.append(QJsonObject{
            {"factor", "overdue"},
            {"value", e.overdueDays},
            {"compared_with", e.prediction.delay},
            {"text", e.overdueDays == 0
                         ? QStringLiteral("Due today.")
                         : QStringLiteral("Not due yet: due in %1.").arg(days(e.overdueDays))}});
    }
    if (inv.partPaid)
        out.append(QJsonObject{
            {"factor", "part_paid"},
            {"value", inv.openAmount},
            {"text", QStringLiteral("Part of it is paid; the %1 %2 left is expected as the "
                                    "client's final instalments came before.")
                         .arg(inv.openAmount, inv.currency)}});
    if (inv.dunningLevel > 0)
        out.append(QJsonObject{
            {"factor", "reminders"},
            {"value", inv.dunningLevel},
            {"text", QStringLiteral("Dunning level %1 reached.").arg(inv.dunningLevel)}});
    if (e.prediction.beyondHistory)
        out.append(QJsonObject{
            {"factor", "beyond_history"},
            {"value", e.overdueDays},
            {"text", QStringLiteral("No invoice in the history was paid this late: a week "
                                    "from today is assumed.")}});
    return out;
}

QDate mondayOf(QDate d)
{
    return d.addDays(1 - d.dayOfWeek());
}

int weekOf(QDate weekStart, QDate date)
{
    return int(weekStart.daysTo(date) / 7);
}

QString moneyText(qint64 minor, const QString &currency)
{
    return Money::fromMinor(minor, Currency::fromCode(currency).value()).value().toString();
}

// A week= parameter: a date that is a Monday (422 otherwise).
std::optional<QDate> weekParam(const Request &r)
{
    if (!r.query.hasQueryItem(QStringLiteral("week")))
        return std::nullopt;
    const Result<QDate> d = parseDate(r.query.queryItemValue(QStringLiteral("week")));
    if (!d.ok())
        throw ApiError::invalidField(QStringLiteral("week"), QStringLiteral("invalid"),
                                     QStringLiteral("week must be a date (YYYY-MM-DD)."));
    if (d.value().dayOfWeek() != 1)
        throw ApiError::invalidField(QStringLiteral("week"), QStringLiteral("not_monday"),
                                     QStringLiteral("week must be the Monday a week starts."));
    return d.value();
}

// P(paid in week w) for w = 0 … 12 and later (13) from the conditional delay distribution.
std::vector<double> collectionsWeekShares(const CollectionsExpectation &e, QDate weekStart)
{
    std::vector<double> q(std::size_t(CollectionsWeeks + 1), 0.0);
    const auto bucket = [&](int delay) {
        const int w = weekOf(weekStart, e.invoice.dueDate.addDays(delay));
        return std::size_t(std::clamp(w, 0, CollectionsWeeks));
    };
    if (e.distribution.empty()) {
        q[bucket(e.prediction.delay)] = 1;
        return q;
    }
    for (std::size_t i = 0; i < e.distribution.size(); ++i)
        if (e.distribution[i] > 0)
            q[bucket(int(i) + CollectionsDelayMin)] += e.distribution[i];
    return q;
}

// `minor` split by the shares, each part floored and the rest handed out by largest remainder:
// the parts add up exactly to `minor` (a negative amount is split as its absolute value).
std::vector<qint64> collectionsSplitMinor(qint64 minor, const std::vector<double> &shares)
{
    const qint64 sign = minor < 0 ? -1 : 1;
    const qint64 whole = minor * sign;
    std::vector<qint64> parts(shares.size(), 0);
    std::vector<std::pair<double, std::size_t>> remainders;
    qint64 given = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const double exact = double(whole) * shares[i];
        parts[i] = std::min<qint64>(qint64(std::floor(exact)), whole - given);
        given += parts[i];
        remainders.emplace_back(exact - double(parts[i]), i);
    }
    // Ties go to the earlier week, so equal inputs give equal answers.
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (std::size_t r = 0; given < whole; r = (r + 1) % remainders.size(), ++given)
        ++parts[remainders[r].second];
    for (qint64 &v : parts)
        v *= sign;
    return parts;
}

class CollectionsRng // splitmix64: the simulation is the same on every run and platform
{
public:
    explicit CollectionsRng(std::uint64_t seed) : m_state(seed) {}
    double uniform()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return double((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
    }

private:
    std::uint64_t m_state;
};

} // namespace

CollectionsForecast collectionsForecast(QSqlDatabase db, const InsightsScope &scope, QDate today)
{
    CollectionsForecast out;
    out.model = requireInsightsModel(db, kModel);
    out.currency = scope.currency;
    out.weekStart = mondayOf(today);
    const CollectionsParams params = CollectionsParams::fromJson(out.model.parameters);
    QList<CollectionsConversionRow> rows;
    for (const CollectionsOpenInvoice &inv : collectionsOpenInvoices(db, scope.entityIds)) {
        CollectionsExpectation e;
        e.invoice = inv;
        e.overdueDays = int(inv.dueDate.daysTo(today));
        e.prediction = collectionsPredictInvoice(params, inv.accountId, inv.total, inv.partPaid,
                                                 e.overdueDays);
        e.expectedDate = inv.dueDate.addDays(e.prediction.delay);
        e.week = weekOf(out.weekStart, e.expectedDate);
        e.distribution = collectionsConditional(
            collectionsClientOf(params, inv.accountId, inv.partPaid),
            collectionsPriorOf(params, inv.total, inv.partPaid), params.k, e.overdueDays);
        e.factors = factorsOf(params, e);
        rows.append({inv.id, inv.entityId, e.week, inv.openFunctional});
        out.items.push_back(std::move(e));
    }
    const QHash<qint64, qint64> minor = collectionsConvertedMinor(
        db, scope.entityIds, scope.currency, QDate(today.year(), today.month(), 1), rows);
    for (CollectionsExpectation &e : out.items) {
        e.openMinor = minor.value(e.invoice.id);
        e.weekMinor = collectionsSplitMinor(e.openMinor, collectionsWeekShares(e, out.weekStart));
    }
    return out;
}

QJsonObject collectionsListJson(QSqlDatabase db, const Request &request)
{
    const InsightsScope scope = insightsScope(db, request);
    const std::optional<QDate> week = weekParam(request);
    const PageRequest page = PageRequest::from(request);
    const CollectionsForecast f = collectionsForecast(db, scope, QDate::currentDate());
    QJsonArray items;
    qint64 last = 0;
    bool more = false;
    for (const CollectionsExpectation &e : f.items) {
        if (e.invoice.id <= page.after)
            continue;
        // A week's records are the invoices with an expected part in it (see cash-in).
        const int w = week ? weekOf(f.weekStart, *week) : 0;
        const qint64 inWeek =
            week && w >= 0 && w < CollectionsWeeks ? e.weekMinor[std::size_t(w)] : 0;
        if (week && inWeek == 0)
            continue;
        if (items.size() == page.limit) {
            more = true;
            break;
        }
        const CollectionsOpenInvoice &inv = e.invoice;
        QJsonObject item{{"invoice_id", idToJson(inv.id)},
                         {"number", inv.number},
                         {"account_id", idToJson(inv.accountId)},
                         {"account", inv.account},
                         {"legal_entity_id", idToJson(inv.entityId)},
                         {"due_date", dateToJson(inv.dueDate)},
                         {"open_amount", moneyText(e.openMinor, f.currency)},
                         {"currency", f.currency},
                         {"invoice_open_amount", inv.openAmount},
                         {"invoice_currency", inv.currency},
                         {"expected_payment_date", dateToJson(e.expectedDate)},
                         {"expected_days_late", e.prediction.delay},
                         {"days_overdue", e.overdueDays},
                         {"p_late_30", ratio(e.prediction.pLate30)},
                         {"week_start", dateToJson(f.weekStart.addDays(7 * e.week))},
                         {"factors", e.factors}};
        if (week)
            item.insert("week_amount", moneyText(inWeek, f.currency));
        items.append(item);
        last = inv.id;
    }
    return {{"items", items},
            {"currency", f.currency},
            {"next", more ? idToJson(last) : QJsonValue()},
            {"model", insightsModelJson(f.model)}};
}

QJsonObject collectionsCashInJson(QSqlDatabase db, const Request &request)
{
    const InsightsScope scope = insightsScope(db, request);
    const QDate today = QDate::currentDate();
    const CollectionsForecast f = collectionsForecast(db, scope, today);

    // expected = the mean of the week's cash-in: each invoice's open amount times its chance of
    // being paid in that week (weekMinor), so a week's records add up to it exactly. The median
    // date alone would not do: it piles every invoice of a client on one day while the same
    // distributions spread them over the weeks, and the sum of medians then falls outside the
    // range those distributions give (the demo's 2026-11-30 and 2027-01-04 weeks).
    std::vector<qint64> expected(CollectionsWeeks, 0);
    std::vector<int> count(CollectionsWeeks, 0);
    qint64 totalOpen = 0;
    struct Draw
    {
        std::vector<double> cdf; // over whole days of delay; empty: the point below
        int point = 0;
        qint64 minor = 0;
        QDate due;
    };
    std::vector<Draw> draws;
    for (const CollectionsExpectation &e : f.items) {
        totalOpen += e.openMinor;
        for (int w = 0; w < CollectionsWeeks; ++w)
            if (e.weekMinor[std::size_t(w)] != 0) {
                expected[std::size_t(w)] += e.weekMinor[std::size_t(w)];
                ++count[std::size_t(w)];
            }
        Draw d;
        d.minor = e.openMinor;
        d.due = e.invoice.dueDate;
        d.point = e.prediction.delay;
        d.cdf.resize(e.distribution.size());
        double acc = 0;
        for (std::size_t i = 0; i < e.distribution.size(); ++i)
            d.cdf[i] = acc += e.distribution[i];
        draws.push_back(std::move(d));
    }
    // p10 / p90 per week: a fixed-seed simulation in whole minor units, each invoice's whole
    // open amount landing in the week of a delay drawn from the same conditional distribution
    // that gives `expected`; the range is the 10th and 90th percentile of the week's sums.
    std::vector<std::vector<qint64>> sims(CollectionsWeeks, std::vector<qint64>(kSimulations, 0));
    CollectionsRng rng(0x4B45454C434F4CULL);
    for (int s = 0; s < kSimulations; ++s) {
        for (const Draw &d : draws) {
            const double u = rng.uniform();
            int delay = d.point;
            if (!d.cdf.empty()) {
                const auto at = std::lower_bound(d.cdf.begin(), d.cdf.end(), u);
                delay = int(std::min<std::ptrdiff_t>(at - d.cdf.begin(),
                                                     std::ptrdiff_t(d.cdf.size()) - 1)) +
                        CollectionsDelayMin;
            }
            const int w = weekOf(f.weekStart, d.due.addDays(delay));
            if (w >= 0 && w < CollectionsWeeks)
                sims[std::size_t(w)][std::size_t(s)] += d.minor;
        }
    }
    QJsonArray weeks;
    for (int w = 0; w < CollectionsWeeks; ++w) {
        std::vector<qint64> &v = sims[std::size_t(w)];
        std::sort(v.begin(), v.end());
        const auto rank = [&](double q) { return v[std::size_t(q * (kSimulations - 1))]; };
        // A mean sits inside its 10–90 % range unless the week's money is a few large invoices
        // each unlikely to land in it (then the sum is mostly 0 and the mean is not, or the
        // other way round): the range is widened to hold it rather than contradict it.
        const qint64 mean = expected[std::size_t(w)];
        weeks.append(QJsonObject{{"week_start", dateToJson(f.weekStart.addDays(7 * w))},
                                 {"expected", moneyText(mean, f.currency)},
                                 {"p10", moneyText(std::min(rank(0.1), mean), f.currency)},
                                 {"p90", moneyText(std::max(rank(0.9), mean), f.currency)},
                                 {"invoices", count[std::size_t(w)]}});
    }
    return {{"currency", f.currency},
            {"weeks", weeks},
            {"total_open", moneyText(totalOpen, f.currency)},
            {"model", insightsModelJson(f.model)}};
}

} // namespace keel
