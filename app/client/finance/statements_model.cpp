#include "statements_model.h"

#include "api_client.h"
#include "api_reply.h"
#include "currency.h"
#include "decimal.h"
#include "finance_api.h"
#include "money.h"
#include "problem_text.h"
#include "sales_format.h"

#include <QJsonArray>
#include <QLocale>

namespace keel::finance {

namespace {
// An amount member is a decimal string; a money object is read too.
QString decimalText(const QJsonValue &v)
{
    if (v.isObject())
        return v.toObject().value("amount").toString();
    return v.toString();
}

QJsonObject amountsOf(const QJsonValue &v)
{
    QJsonObject out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), decimalText(it.value()));
    return out;
}

// The server names sections in English; the user reads them in their language.
QString sectionTitle(const QString &type, const QString &serverLabel)
{
    if (type == QLatin1String("revenue"))
        return StatementsModel::tr("Revenue");
    if (type == QLatin1String("expense"))
        return StatementsModel::tr("Expenses");
    if (type == QLatin1String("asset"))
        return StatementsModel::tr("Assets");
    if (type == QLatin1String("liability"))
        return StatementsModel::tr("Liabilities");
    if (type == QLatin1String("equity"))
        return StatementsModel::tr("Equity");
    return serverLabel;
}

// "Oct 2026" for a whole month, "2026" for a whole year, else both dates.
QString periodText(QDate from, QDate to)
{
    const QLocale locale;
    if (!from.isValid())
        return locale.toString(to, QLocale::ShortFormat);
    if (from.day() == 1 && to == from.addMonths(1).addDays(-1))
        return locale.toString(from, QStringLiteral("MMM yyyy"));
    if (from.day() == 1 && from.month() == 1 && to == QDate(from.year(), 12, 31))
        return QString::number(from.year());
    return locale.toString(from, QLocale::ShortFormat) + QStringLiteral(" – ") +
           locale.toString(to, QLocale::ShortFormat);
}
} // namespace

StatementsModel::StatementsModel(ApiClient *api, QObject *parent)
    : QAbstractTableModel(parent), m_api(api)
{}

QString StatementsModel::path(Kind kind, const QString &entity, QDate from, QDate to, bool compare)
{
    const QString scope = entity.isEmpty() ? QStringLiteral("group") : entity;
    const bool bs = kind == BalanceSheet;
    return QStringLiteral("/api/v1/close/statements?") +
           queryOf(
               {{"kind", bs ? QStringLiteral("balance_sheet") : QStringLiteral("profit_and_loss")},
                {"legal_entity_id", scope},
                {"from", bs ? QString() : FinanceApi::date(from)},
                {"to", FinanceApi::date(to)},
                {"compare",
                 compare ? QStringLiteral("previous_period,previous_year") : QString()}});
}

void StatementsModel::load(Kind kind, const QString &entity, QDate from, QDate to, bool compare)
{
    if (!m_api)
        return;
    m_kind = kind;
    const int generation = ++m_generation;
    m_loading = true;
    ApiReply *r = m_api->get(path(kind, entity, from, to, compare));
    connect(r, &ApiReply::finished, this, [this, r, generation] {
        if (generation != m_generation)
            return; // a newer request replaced this one
        m_loading = false;
        if (!r->ok()) {
            m_error = humanMessage(r->problem());
            clear();
            emit loadFailed(m_error);
            return;
        }
        m_error.clear();
        setStatement(r->object());
        emit loaded();
    });
}

void StatementsModel::clear()
{
    beginResetModel();
    m_statement = {};
    m_rows.clear();
    m_keys.clear();
    endResetModel();
}

void StatementsModel::setStatement(const QJsonObject &statement)
{
    beginResetModel();
    m_statement = statement;
    m_rows.clear();
    m_keys.clear();
    m_kind = statement.value("kind").toString() == QLatin1String("balance_sheet") ? BalanceSheet
                                                                                  : ProfitAndLoss;
    for (const QJsonValue &c : statement.value("columns").toArray())
        m_keys.append(c.toObject().value("key").toString());
    if (m_keys.isEmpty())
        m_keys.append(QStringLiteral("current"));

    const QJsonArray sections = statement.value("sections").toArray();
    for (const QJsonValue &sv : sections) {
        const QJsonObject s = sv.toObject();
        const QString label = sectionTitle(s.value("type").toString(), s.value("label").toString());
        m_rows.append({SectionRow, {}, label, {}, {}, {}});
        for (const QJsonValue &rv : s.value("rows").toArray()) {
            const QJsonObject o = rv.toObject();
            Row row{AccountRow,
                    o.value("number").toString(),
                    o.value("name").toString(),
                    amountsOf(o.value("amounts")),
                    {},
                    o.value("type").toString()};
            if (row.type.isEmpty())
                row.type = s.value("type").toString();
            for (const QJsonValue &a : o.value("accounts").toArray())
                row.accounts.append({sales::idText(a.toObject().value("legal_entity_id")),
                                     sales::idText(a.toObject().value("account_id"))});
            m_rows.append(row);
        }
        if (s.contains("total"))
            m_rows.append(
                {TotalRow, {}, tr("Total %1").arg(label), amountsOf(s.value("total")), {}, {}});
    }
    const auto result = [this, &statement](const char *key, const QString &label) {
        if (statement.contains(key))
            m_rows.append({ResultRow, {}, label, amountsOf(statement.value(key)), {}, {}});
    };
    if (!sections.isEmpty()) {
        m_rows.append({SpacerRow, {}, {}, {}, {}, {}});
        result("net_income", tr("Net income"));
        result("total_assets", tr("Total assets"));
        result("total_liabilities_equity", tr("Total liabilities and equity"));
    }
    const QJsonArray eliminations = statement.value("eliminations").toArray();
    if (!eliminations.isEmpty()) {
        m_rows.append({SpacerRow, {}, {}, {}, {}, {}});
        m_rows.append({SectionRow, {}, tr("Eliminations (intercompany)"), {}, {}, {}});
        for (const QJsonValue &ev : eliminations) {
            const QJsonObject e = ev.toObject();
            m_rows.append({EliminationRow,
                           e.value("number").toString(),
                           e.value("name").toString(),
                           amountsOf(e.value("amounts")),
                           {},
                           {}});
        }
    }
    endResetModel();
}

bool StatementsModel::isGroup() const
{
    return m_statement.value("scope").toString() == QLatin1String("group");
}

QString StatementsModel::currency() const
{
    return m_statement.value("currency").toString();
}

bool StatementsModel::balanced() const
{
    return m_statement.value("balanced").toBool();
}

QString StatementsModel::resultAmount(const QString &key) const
{
    return amountsOf(m_statement.value(key)).value("current").toString();
}

QString StatementsModel::keyOf(int column)
{
    switch (column) {
    case CurrentColumn:
        return QStringLiteral("current");
    case PreviousPeriodColumn:
    case PreviousPeriodDiffColumn:
        return QStringLiteral("previous_period");
    case PreviousYearColumn:
    case PreviousYearDiffColumn:
        return QStringLiteral("previous_year");
    default:
        return {};
    }
}

bool StatementsModel::hasColumn(int column) const
{
    if (column == NumberColumn || column == NameColumn)
        return true;
    return m_keys.contains(keyOf(column));
}

StatementsModel::RowKind StatementsModel::rowKind(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).kind : SpacerRow;
}

QList<StatementsModel::AccountRef> StatementsModel::accounts(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).accounts : QList<AccountRef>{};
}

bool StatementsModel::creditNatured(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const QString &type = m_rows.at(row).type;
    return type == QLatin1String("revenue") || type == QLatin1String("liability") ||
           type == QLatin1String("equity");
}

QString StatementsModel::netOfLines(const QList<QJsonObject> &lines, bool creditNatured)
{
    Decimal net;
    for (const QJsonObject &l : lines) {
        const Money debit = sales::moneyFromJsonValue(l.value("functional_debit"));
        const Money credit = sales::moneyFromJsonValue(l.value("functional_credit"));
        const auto withDebit = debit.isValid() ? net.add(debit.toDecimal()) : Result<Decimal>(net);
        if (!withDebit)
            return {};
        const auto withCredit =
            credit.isValid() ? withDebit->subtract(credit.toDecimal()) : withDebit;
        if (!withCredit)
            return {};
        net = *withCredit;
    }
    return (creditNatured ? net.negated() : net).toString();
}

QString StatementsModel::amount(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || !hasColumn(column))
        return {};
    const QJsonObject &a = m_rows.at(row).amounts;
    const QString current = a.value("current").toString();
    switch (column) {
    case CurrentColumn:
    case PreviousPeriodColumn:
    case PreviousYearColumn:
        return a.value(keyOf(column)).toString();
    case PreviousPeriodDiffColumn:
    case PreviousYearDiffColumn:
        return difference(current, a.value(keyOf(column)).toString());
    default:
        return {};
    }
}

QString StatementsModel::amountText(int row, int column) const
{
    return formatAmount(amount(row, column), currency());
}

int StatementsModel::rowOfAccount(const QString &number) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).kind == AccountRow && m_rows.at(r).number == number)
            return r;
    return -1;
}

int StatementsModel::rowOfLabel(const QString &label) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).kind != AccountRow && m_rows.at(r).name == label)
            return r;
    return -1;
}

QDate StatementsModel::columnFrom(int column) const
{
    for (const QJsonValue &c : m_statement.value("columns").toArray())
        if (c.toObject().value("key").toString() == keyOf(column))
            return QDate::fromString(c.toObject().value("from").toString(), Qt::ISODate);
    return {};
}

QDate StatementsModel::columnTo(int column) const
{
    for (const QJsonValue &c : m_statement.value("columns").toArray())
        if (c.toObject().value("key").toString() == keyOf(column)) {
            const QJsonObject o = c.toObject();
            return QDate::fromString(o.value(o.contains("to") ? "to" : "as_of").toString(),
                                     Qt::ISODate);
        }
    return {};
}

QString StatementsModel::difference(const QString &a, const QString &b)
{
    const auto x = Decimal::parse(a);
    const auto y = Decimal::parse(b);
    if (!x || !y)
        return {};
    const auto d = x->subtract(*y);
    return d ? d->toString() : QString();
}

QString StatementsModel::formatAmount(const QString &amount, const QString &currency)
{
    if (amount.isEmpty())
        return {};
    const auto c = Currency::fromCode(currency);
    const auto d = Decimal::parse(amount);
    if (!c || !d)
        return amount;
    // Rounded once at the currency's minor unit, as money is everywhere else.
    const auto m = Money::fromDecimal(*d, *c);
    return m ? sales::groupDigits(m->toString()) : amount;
}

int StatementsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatementsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NumberColumn)
            return row.number;
        if (column == NameColumn)
            return row.name;
        return amountText(index.row(), column);
    case Qt::ToolTipRole:
        if (row.kind == AccountRow && !row.accounts.isEmpty())
            return tr("Double-click for the journal lines behind this figure.");
        return {};
    case Qt::TextAlignmentRole:
        return column >= CurrentColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                       : int(Qt::AlignLeft | Qt::AlignVCenter);
    case RowKindRole:
        return int(row.kind);
    case AmountRole:
        return amount(index.row(), column);
    default:
        return {};
    }
}

QString StatementsModel::headerText(int column) const
{
    const bool bs = m_kind == BalanceSheet;
    const QDate from = bs ? QDate() : columnFrom(column);
    const QDate to = columnTo(column);
    const QString when = to.isValid() ? periodText(from, to) : QString();
    switch (column) {
    case NumberColumn:
        return tr("Account");
    case NameColumn:
        return tr("Name");
    case CurrentColumn:
        return when.isEmpty() ? tr("Current") : when;
    case PreviousPeriodColumn:
        return when.isEmpty() ? tr("Previous period") : tr("Previous period\n%1").arg(when);
    case PreviousYearColumn:
        return when.isEmpty() ? tr("Previous year") : tr("Previous year\n%1").arg(when);
    case PreviousPeriodDiffColumn:
        return tr("Δ previous period");
    case PreviousYearDiffColumn:
        return tr("Δ previous year");
    default:
        return {};
    }
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole)
        return headerText(section);
    if (role == Qt::TextAlignmentRole && section >= CurrentColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace keel::finance
