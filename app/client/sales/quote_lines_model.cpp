#include "quote_lines_model.h"

#include "sales_format.h"

#include <QCoreApplication>

namespace keel::sales {

namespace {
// Accepts what people type: "1,250.50" or "1250,5" (German) are normalised to "1250.50".
QString normalised(QString text)
{
    text = text.trimmed();
    text.remove(u' ');
    text.remove(QChar(0x00A0));
    const qsizetype comma = text.lastIndexOf(u',');
    const qsizetype dot = text.lastIndexOf(u'.');
    if (comma >= 0 && dot >= 0) {
        // The later one is the decimal separator, the other groups digits.
        if (comma > dot) {
            text.remove(u'.');
            text.replace(u',', u'.');
        } else {
            text.remove(u',');
        }
    } else if (comma >= 0) {
        // "1,5" is a decimal; "1,250" (three digits after one comma) groups thousands.
        if (text.count(u',') == 1 && text.size() - comma - 1 != 3)
            text.replace(u',', u'.');
        else
            text.remove(u',');
    }
    return text;
}

Result<Decimal> decimalText(const QString &text)
{
    const QString n = normalised(text);
    if (n.isEmpty())
        return Decimal();
    return Decimal::parse(n);
}

Result<Money> moneyText(const QString &text, const Currency &currency)
{
    const QString n = normalised(text);
    if (n.isEmpty())
        return Money::zero(currency);
    return Money::parse(n, currency);
}

QString amountOf(const QJsonValue &v)
{
    if (v.isObject())
        return v.toObject().value("amount").toString();
    return v.toString();
}
} // namespace

QuoteLinesModel::QuoteLinesModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_currency = *Currency::fromCode(u"EUR");
    recalculate();
}

void QuoteLinesModel::setCurrency(const Currency &currency)
{
    m_currency = currency;
    recalculate();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void QuoteLinesModel::setDiscountText(const QString &text)
{
    m_discount = text;
    recalculate();
}

void QuoteLinesModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int QuoteLinesModel::addRoleLine(const QString &role, const QString &hours, const QString &rate,
                                 const QString &costRate)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({QuoteLine::Kind::Role, role, hours, rate, costRate});
    endInsertRows();
    recalculate();
    return row;
}

int QuoteLinesModel::addFixedLine(const QString &description, const QString &price,
                                  const QString &cost)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({QuoteLine::Kind::Fixed, description, QString(), price, cost});
    endInsertRows();
    recalculate();
    return row;
}

void QuoteLinesModel::removeLine(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    recalculate();
}

void QuoteLinesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    recalculate();
}

QString QuoteLinesModel::cellError(const Row &row, int column) const
{
    switch (column) {
    case HoursColumn:
        if (row.kind == QuoteLine::Kind::Role) {
            const auto d = decimalText(row.hours);
            if (!d || d->isNegative())
                return QCoreApplication::translate("keel::sales::QuoteLinesModel",
                                                   "Hours must be a number like 12 or 7.5.");
        }
        return {};
    case RateColumn:
    case CostColumn: {
        const QString text = column == RateColumn ? row.rate : row.cost;
        if (row.kind == QuoteLine::Kind::Role) {
            const auto d = decimalText(text);
            if (!d || d->isNegative())
                return QCoreApplication::translate("keel::sales::QuoteLinesModel",
                                                   "Enter an hourly rate in %1, like 145.50.")
                    .arg(m_currency.code());
            return {};
        }
        const auto m = moneyText(text, m_currency);
        if (!m)
            return QCoreApplication::translate("keel::sales::QuoteLinesModel",
                                               "Enter an amount in %1 with at most %2 decimals.")
                .arg(m_currency.code())
                .arg(m_currency.minorUnits());
        return {};
    }
    default:
        return {};
    }
}

void QuoteLinesModel::recalculate()
{
    m_inputError.clear();
    QList<QuoteLine> lines;
    for (int i = 0; i < m_rows.size() && m_inputError.isEmpty(); ++i) {
        const Row &r = m_rows.at(i);
        for (int c : {HoursColumn, RateColumn, CostColumn}) {
            const QString e = cellError(r, c);
            if (!e.isEmpty()) {
                m_inputError =
                    QCoreApplication::translate("keel::sales::QuoteLinesModel", "Line %1: %2")
                        .arg(i + 1)
                        .arg(e);
                break;
            }
        }
        if (!m_inputError.isEmpty())
            break;
        QuoteLine line;
        line.kind = r.kind;
        if (r.kind == QuoteLine::Kind::Role) {
            line.role = r.item;
            line.hours = *decimalText(r.hours);
            line.rate = *decimalText(r.rate);
            line.costRate = *decimalText(r.cost);
        } else {
            line.description = r.item;
            line.price = *moneyText(r.rate, m_currency);
            line.cost = *moneyText(r.cost, m_currency);
        }
        lines.append(line);
    }
    Decimal discount;
    if (m_inputError.isEmpty()) {
        const auto d = decimalText(m_discount);
        if (!d)
            m_inputError =
                QCoreApplication::translate("keel::sales::QuoteLinesModel",
                                            "The discount must be a percentage like 5 or 12.5.");
        else
            discount = *d;
    }
    const QuoteTotals previous = m_totals;
    if (m_inputError.isEmpty()) {
        m_totals = calculateQuote(lines, discount, m_currency);
        if (!m_totals.ok)
            m_inputError = m_totals.error;
    } else {
        m_totals = QuoteTotals{};
        m_totals.error = m_inputError;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, AmountColumn), index(int(m_rows.size()) - 1, AmountColumn));
    emit totalsChanged();
}

int QuoteLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuoteLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuoteLinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const bool isRole = r.kind == QuoteLine::Kind::Role;
    const QString error = cellError(r, index.column());
    if (role == ErrorRole || (role == Qt::ToolTipRole && !error.isEmpty()))
        return error;
    if (role == Qt::TextAlignmentRole)
        return index.column() >= HoursColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                             : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case KindColumn:
        return isRole ? QCoreApplication::translate("keel::sales::QuoteLinesModel", "Role")
                      : QCoreApplication::translate("keel::sales::QuoteLinesModel", "Fixed");
    case ItemColumn:
        if (display && isRole && r.item == r.item.toUpper() && !r.item.isEmpty()) {
            // A job role code (SENIOR_CONSULTANT) reads as "Senior consultant".
            QString name = r.item.toLower().replace(u'_', u' ');
            name[0] = name.at(0).toUpper();
            return name;
        }
        return r.item;
    case HoursColumn:
        return isRole ? r.hours : (display ? QStringLiteral("—") : QString());
    case RateColumn:
        return r.rate;
    case CostColumn:
        return r.cost;
    case AmountColumn:
        if (m_totals.ok && index.row() < m_totals.lines.size())
            return groupDigits(m_totals.lines.at(index.row()).amount.toString());
        return QStringLiteral("…");
    default:
        return {};
    }
}

bool QuoteLinesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || m_readOnly || index.row() >= m_rows.size())
        return false;
    Row &r = m_rows[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case ItemColumn:
        r.item = text;
        break;
    case HoursColumn:
        if (r.kind != QuoteLine::Kind::Role)
            return false;
        r.hours = text;
        break;
    case RateColumn:
        r.rate = text;
        break;
    case CostColumn:
        r.cost = text;
        break;
    default:
        return false;
    }
    emit dataChanged(index, index);
    recalculate();
    return true;
}

Qt::ItemFlags QuoteLinesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const bool isRole =
        index.row() < m_rows.size() && m_rows.at(index.row()).kind == QuoteLine::Kind::Role;
    if (!m_readOnly && index.column() != KindColumn && index.column() != AmountColumn &&
        (index.column() != HoursColumn || isRole))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant QuoteLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= HoursColumn ? int(Qt::AlignRight | Qt::AlignVCenter)
                                      : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return QCoreApplication::translate("keel::sales::QuoteLinesModel", "Type");
    case ItemColumn:
        return QCoreApplication::translate("keel::sales::QuoteLinesModel", "Role / item");
    case HoursColumn:
        return QCoreApplication::translate("keel::sales::QuoteLinesModel", "Hours");
    case RateColumn:
        return QCoreApplication::translate("keel::sales::QuoteLinesModel", "Rate / price");
    case CostColumn:
        return QCoreApplication::translate("keel::sales::QuoteLinesModel", "Cost rate / cost");
    case AmountColumn:
        return QCoreApplication::translate("keel::sales::QuoteLinesModel", "Amount");
    default:
        return {};
    }
}

void QuoteLinesModel::loadJson(const QJsonObject &quote)
{
    beginResetModel();
    m_rows.clear();
    const QString code = quote.value("currency").isObject()
                             ? quote.value("currency").toObject().value("code").toString()
                             : quote.value("currency").toString();
    if (const auto c = Currency::fromCode(code))
        m_currency = *c;
    m_discount = quote.value("discount_pct").toString();
    for (const QJsonValue &v : quote.value("lines").toArray()) {
        const QJsonObject l = v.toObject();
        Row r;
        const QString kind = l.value("kind").toString();
        r.kind = kind == QLatin1String("fixed") ? QuoteLine::Kind::Fixed : QuoteLine::Kind::Role;
        if (r.kind == QuoteLine::Kind::Role) {
            r.item = l.value("job_role").toString();
            if (r.item.isEmpty())
                r.item = l.value("role").toString();
            r.hours = l.value("hours").toString();
            r.rate = amountOf(l.value("rate"));
            r.cost = amountOf(l.value("cost_rate"));
        } else {
            r.item = l.value("description").toString();
            r.rate = amountOf(l.contains("price") ? l.value("price") : l.value("amount"));
            r.cost = amountOf(l.value("cost"));
        }
        m_rows.append(r);
    }
    endResetModel();
    recalculate();
}

QJsonArray QuoteLinesModel::linesJson() const
{
    QJsonArray out;
    const auto money = [this](const QString &text) {
        const auto m = moneyText(text, m_currency);
        return QJsonObject{{"amount", m ? m->toString() : text.trimmed()},
                           {"currency", m_currency.code()}};
    };
    for (const Row &r : m_rows) {
        if (r.kind == QuoteLine::Kind::Role) {
            const auto h = decimalText(r.hours);
            // The cost rate is the role's standard cost (the server's): never sent.
            QJsonObject l{{"kind", "role"},
                          {"job_role", r.item},
                          {"hours", h ? h->toString() : r.hours.trimmed()}};
            if (!r.rate.trimmed().isEmpty()) {
                const auto rate = decimalText(r.rate);
                l.insert("rate", rate ? rate->toString(2) : r.rate.trimmed());
            }
            out.append(l);
        } else {
            QJsonObject l{{"kind", "fixed"}, {"description", r.item}, {"price", money(r.rate)}};
            if (!r.item.trimmed().isEmpty())
                l.insert("description", r.item.trimmed());
            if (!r.cost.trimmed().isEmpty())
                l.insert("cost", money(r.cost));
            out.append(l);
        }
    }
    return out;
}

} // namespace keel::sales
