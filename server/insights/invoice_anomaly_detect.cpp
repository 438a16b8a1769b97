#include "invoice_anomaly_detect.h"

#include "insights_stats.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace keel {

namespace {

QString fixed(double v, int places = 2)
{
    return QString::number(v, 'f', places);
}

InvoiceAnomalyNorm normOf(const std::vector<double> &values)
{
    InvoiceAnomalyNorm n;
    n.n = int(values.size());
    if (values.empty())
        return n;
    n.median = stats::median(values);
    n.mad = stats::mad(values);
    return n;
}

struct Basis
{
    QString name; // contract | client | firm
    InvoiceAnomalyNorm norm;
    double max = -std::numeric_limits<double>::infinity(); // the largest seen (firm: none)
};

Basis basisOf(const QString &name, const std::vector<double> &values)
{
    return {name, normOf(values), *std::max_element(values.begin(), values.end())};
}

// Upward flags also need the value beyond anything the basis ever billed: a contract whose
// invoices alternate between a quarterly fee and a few expenses has a small median and a large
// spread, and its next fee is not an anomaly.
bool beyond(double x, const Basis &b, double z, double zCut)
{
    return z > zCut && x > b.max;
}

// The first basis with at least minN values: the contract's own, else the client's, else the
// firm's norm.
std::optional<Basis> pick(const std::vector<double> *contract, const std::vector<double> *client,
                          const InvoiceAnomalyNorm *firm, int minN)
{
    if (contract && int(contract->size()) >= minN)
        return basisOf(QStringLiteral("contract"), *contract);
    if (client && int(client->size()) >= minN)
        return basisOf(QStringLiteral("client"), *client);
    if (firm && firm->n >= minN)
        return Basis{QStringLiteral("firm"), *firm};
    return std::nullopt;
}

// The robust z against a scale floored at a share of the median (and an absolute minimum).
double zOf(double x, const InvoiceAnomalyNorm &norm, double floorShare, double floorAbs)
{
    const double scale = std::max({norm.mad, floorShare * std::abs(norm.median), floorAbs});
    return stats::robustZ(x, norm.median, scale);
}

QString basisWords(const QString &basis)
{
    if (basis == QLatin1String("contract"))
        return QStringLiteral("this contract's");
    if (basis == QLatin1String("client"))
        return QStringLiteral("this client's");
    return QStringLiteral("the firm's");
}

QJsonObject compared(const Basis &b, int places)
{
    QJsonObject o{{QStringLiteral("basis"), b.name},
                  {QStringLiteral("median"), fixed(b.norm.median, places)},
                  {QStringLiteral("mad"), fixed(b.norm.mad, places)},
                  {QStringLiteral("n"), b.norm.n}};
    if (std::isfinite(b.max))
        o.insert(QStringLiteral("max"), fixed(b.max, places));
    return o;
}

const std::vector<double> *find(const QHash<qint64, std::vector<double>> &h, qint64 key)
{
    const auto it = h.constFind(key);
    return it == h.constEnd() ? nullptr : &it.value();
}

const std::vector<double> *find(const QHash<QString, std::vector<double>> &h, const QString &key)
{
    const auto it = h.constFind(key);
    return it == h.constEnd() ? nullptr : &it.value();
}

const InvoiceAnomalyNorm *find(const QHash<QString, InvoiceAnomalyNorm> &h, const QString &key)
{
    const auto it = h.constFind(key);
    return it == h.constEnd() ? nullptr : &it.value();
}

QJsonArray normsJson(const QHash<QString, InvoiceAnomalyNorm> &norms)
{
    QStringList keys = norms.keys();
    keys.sort();
    QJsonArray out;
    for (const QString &k : keys) {
        const InvoiceAnomalyNorm &n = norms[k];
        out.append(QJsonObject{{QStringLiteral("key"), k},
                               {QStringLiteral("median"), n.median},
                               {QStringLiteral("mad"), n.mad},
                               {QStringLiteral("n"), n.n}});
    }
    return out;
}

QHash<QString, InvoiceAnomalyNorm> normsFromJson(const QJsonArray &a)
{
    QHash<QString, InvoiceAnomalyNorm> out;
    for (const QJsonValue &v : a) {
        const QJsonObject o = v.toObject();
        out.insert(o.value(QStringLiteral("key")).toString(),
                   {o.value(QStringLiteral("median")).toDouble(),
                    o.value(QStringLiteral("mad")).toDouble(),
                    o.value(QStringLiteral("n")).toInt()});
    }
    return out;
}

} // namespace

QJsonObject InvoiceAnomalyParams::toJson() const
{
    return {{QStringLiteral("z_cut"), zCut},
            {QStringLiteral("min_n"), minN},
            {QStringLiteral("rate_floor"), rateFloor},
            {QStringLiteral("hours_floor"), hoursFloor},
            {QStringLiteral("amount_floor"), amountFloor},
            {QStringLiteral("lines_floor"), linesFloor},
            {QStringLiteral("role_hours"), normsJson(roleHours)},
            {QStringLiteral("role_rate"), normsJson(roleRate)}};
}

InvoiceAnomalyParams InvoiceAnomalyParams::fromJson(const QJsonObject &json)
{
    InvoiceAnomalyParams p;
    p.zCut = json.value(QStringLiteral("z_cut")).toDouble(p.zCut);
    p.minN = json.value(QStringLiteral("min_n")).toInt(p.minN);
    p.rateFloor = json.value(QStringLiteral("rate_floor")).toDouble(p.rateFloor);
    p.hoursFloor = json.value(QStringLiteral("hours_floor")).toDouble(p.hoursFloor);
    p.amountFloor = json.value(QStringLiteral("amount_floor")).toDouble(p.amountFloor);
    p.linesFloor = json.value(QStringLiteral("lines_floor")).toDouble(p.linesFloor);
    p.roleHours = normsFromJson(json.value(QStringLiteral("role_hours")).toArray());
    p.roleRate = normsFromJson(json.value(QStringLiteral("role_rate")).toArray());
    return p;
}

std::vector<InvoiceAnomalyFlag> invoiceAnomalyStatFlags(const InvoiceAnomalyInvoice &invoice,
                                                        const InvoiceAnomalyHistory &history,
                                                        const InvoiceAnomalyParams &params)
{
    std::vector<InvoiceAnomalyFlag> flags;
    const QString client = QString::number(invoice.accountId) + u':' + invoice.currency;

    // The invoice as a whole: its amount and its number of lines, upward only (a small last
    // invoice of a project is normal; a tenfold one is not), against the contract's own
    // invoices only: the client's other contracts bill at other scales (a new, larger contract
    // of a known client is no anomaly), and a firm-wide norm of amounts means nothing.
    if (const auto b =
            pick(find(history.contractAmount, invoice.contractId), nullptr, nullptr, params.minN)) {
        const double z = zOf(invoice.measured, b->norm, params.amountFloor, 1);
        if (beyond(invoice.measured, *b, z, params.zCut)) {
            flags.push_back(
                {QStringLiteral("amount_outlier"), 0,
                 QStringLiteral("Time, expenses and other measured lines come to %1 %2 "
                                "against a median of %3 over %4 invoices of %5 (MAD "
                                "%6): %7 times the usual spread above it.")
                     .arg(invoice.measuredText, invoice.currency, fixed(b->norm.median))
                     .arg(b->norm.n)
                     .arg(basisWords(b->name).chopped(2), fixed(b->norm.mad), fixed(z, 1)),
                 invoice.measuredText, compared(*b, 2), z});
        }
    }
    const double lineCount = double(invoice.lines.size());
    if (const auto b =
            pick(find(history.contractLines, invoice.contractId), nullptr, nullptr, params.minN)) {
        const double z = zOf(lineCount, b->norm, params.linesFloor, 1);
        if (beyond(lineCount, *b, z, params.zCut)) {
            flags.push_back(
                {QStringLiteral("line_count"), 0,
                 QStringLiteral("%1 lines, where %2 invoices had a median of %3 "
                                "(MAD %4, %5 invoices).")
                     .arg(invoice.lines.size())
                     .arg(basisWords(b->name), fixed(b->norm.median, 1), fixed(b->norm.mad, 1))
                     .arg(b->norm.n),
                 QString::number(invoice.lines.size()), compared(*b, 1), z});
        }
    }

    // Hourly lines: hours (upward) and rate (both ways) against the same role's lines. Hours
    // fall back from the contract to the firm's norm of the role, not to the client's other
    // contracts (a support retainer's few overage hours say nothing of a delivery team's
    // month); rates go contract → client (its overrides) → firm.
    for (const InvoiceAnomalyLine &l : invoice.lines) {
        if (!l.hourly || l.roleId == 0 || l.hours <= 0)
            continue;
        const QString role = QString::number(l.roleId);
        const QString contractKey = QString::number(invoice.contractId) + u':' + role;
        const QString clientKey = client + u':' + role;
        const QString firmKey = role + u':' + invoice.currency;
        if (const auto b =
                pick(invoice.contractId ? find(history.contractRoleHours, contractKey) : nullptr,
                     nullptr, find(params.roleHours, firmKey), params.minN)) {
            const double z = zOf(l.hours, b->norm, params.hoursFloor, 1);
            if (beyond(l.hours, *b, z, params.zCut)) {
                flags.push_back({QStringLiteral("hours_outlier"), l.id,
                                 QStringLiteral("Line %1 bills %2 h; %3 lines for this role had "
                                                "a median of %4 h (MAD %5, %6 lines).")
                                     .arg(l.lineNo)
                                     .arg(l.hoursText, basisWords(b->name), fixed(b->norm.median),
                                          fixed(b->norm.mad))
                                     .arg(b->norm.n),
                                 l.hoursText, compared(*b, 2), z});
            }
        }
        if (const auto b =
                pick(invoice.contractId ? find(history.contractRoleRate, contractKey) : nullptr,
                     find(history.clientRoleRate, clientKey), find(params.roleRate, firmKey),
                     params.minN)) {
            const double z = zOf(l.rate, b->norm, params.rateFloor, 1);
            if (std::abs(z) > params.zCut) {
                flags.push_back({QStringLiteral("rate_outlier"), l.id,
                                 QStringLiteral("Line %1 bills %2 %3 an hour; %4 lines for this "
                                                "role had a median rate of %5 (MAD %6, %7 "
                                                "lines).")
                                     .arg(l.lineNo)
                                     .arg(l.rateText, invoice.currency, basisWords(b->name),
                                          fixed(b->norm.median), fixed(b->norm.mad))
                                     .arg(b->norm.n),
                                 l.rateText, compared(*b, 2), z});
            }
        }
    }
    return flags;
}

std::vector<InvoiceAnomalyScored>
scoreInvoiceAnomalies(QSqlDatabase db, const InvoiceAnomalyTargets &targets, QDate historyBefore,
                      const InvoiceAnomalyParams &params, bool rules)
{
    std::vector<InvoiceAnomalyInvoice> invoices = invoiceAnomalyTargets(db, targets);
    const InvoiceAnomalyHistory history = invoiceAnomalyHistory(db, invoices, historyBefore);
    std::vector<InvoiceAnomalyRuleHit> hits;
    if (rules)
        hits = invoiceAnomalyRuleHits(db, invoices);
    QHash<qint64, std::vector<InvoiceAnomalyFlag>> byInvoice;
    for (InvoiceAnomalyRuleHit &h : hits)
        byInvoice[h.invoiceId].push_back({h.kind, h.lineId, std::move(h.text), std::move(h.value),
                                          std::move(h.comparedWith), 0});

    std::vector<InvoiceAnomalyScored> out;
    out.reserve(invoices.size());
    for (InvoiceAnomalyInvoice &inv : invoices) {
        InvoiceAnomalyScored s;
        s.flags = invoiceAnomalyStatFlags(inv, history, params);
        for (InvoiceAnomalyFlag &f : byInvoice[inv.id])
            s.flags.push_back(std::move(f));
        // Invoice-level flags first, then by line, each line's in a stable order of kinds.
        std::stable_sort(s.flags.begin(), s.flags.end(),
                         [](const auto &a, const auto &b) { return a.lineId < b.lineId; });
        s.invoice = std::move(inv);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace keel
