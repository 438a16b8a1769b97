#include "json_codec.h"

#include "fixed_point.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <limits>

namespace keel {

namespace {
FieldError fieldError(const char *code, const QString &message, const QString &field = {})
{
    return FieldError{field, QString::fromLatin1(code), message};
}

FieldError typeError(const char *expected)
{
    return fieldError(FieldErrorCode::InvalidType,
                      QStringLiteral("must be %1").arg(QLatin1StringView(expected)));
}

FieldError valueFieldError(const ValueError &e, const QString &field = {})
{
    return fieldError(FieldErrorCode::InvalidValue, e.message, field);
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
} // namespace

Result<QDate> parseDate(QStringView text)
{
    const auto bad = [&text] {
        return valueError(ValueErrorCode::InvalidFormat,
                          QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(text));
    };
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-')
        return bad();
    for (qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!isDigit(text[i]))
            return bad();
    const auto num = [&text](qsizetype from, qsizetype len) {
        int v = 0;
        for (qsizetype i = from; i < from + len; ++i)
            v = v * 10 + (text[i].unicode() - u'0');
        return v;
    };
    const int year = num(0, 4);
    const QDate d(year, num(5, 2), num(8, 2));
    if (year < 1 || !d.isValid())
        return bad();
    return d;
}

Result<QDateTime> parseInstant(QStringView text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$)"));
    const auto bad = [&text] {
        return valueError(
            ValueErrorCode::InvalidFormat,
            QStringLiteral("'%1' is not a UTC ISO-8601 instant (YYYY-MM-DDTHH:MM:SSZ)").arg(text));
    };
    const QRegularExpressionMatch m = re.match(text.toString());
    if (!m.hasMatch())
        return bad();
    const Result<QDate> date = parseDate(m.capturedView(1));
    if (!date)
        return bad();
    const int h = m.capturedView(2).toInt();
    const int min = m.capturedView(3).toInt();
    const int s = m.capturedView(4).toInt();
    QString frac = m.captured(5);
    frac = (frac + QStringLiteral("000")).left(3); // milliseconds, extra digits truncated
    const QTime time(h, min, s, frac.toInt());
    if (!time.isValid())
        return bad();
    int offsetSeconds = 0;
    const QStringView zone = m.capturedView(6);
    if (zone != u"Z") {
        const int oh = zone.mid(1, 2).toInt();
        const int om = zone.mid(4, 2).toInt();
        if (oh > 23 || om > 59)
            return bad();
        offsetSeconds = (oh * 3600 + om * 60) * (zone[0] == u'-' ? -1 : 1);
    }
    const QDateTime local(*date, time, QTimeZone(offsetSeconds));
    if (!local.isValid())
        return bad();
    return local.toUTC();
}

QString formatDate(QDate date)
{
    if (!date.isValid())
        return {};
    return date.toString(Qt::ISODate);
}

QString formatInstant(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime utc = instant.toUTC();
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

QJsonObject moneyToJson(const Money &money)
{
    return {{QStringLiteral("amount"), money.toString()},
            {QStringLiteral("currency"), money.currency().code()}};
}

QJsonValue decimalToJson(const Decimal &value)
{
    return value.toString();
}

QJsonValue dateToJson(QDate date)
{
    return date.isValid() ? QJsonValue(formatDate(date)) : QJsonValue();
}

QJsonValue instantToJson(const QDateTime &instant)
{
    return instant.isValid() ? QJsonValue(formatInstant(instant)) : QJsonValue();
}

QJsonValue periodToJson(const Period &period)
{
    return period.isValid() ? QJsonValue(period.toString()) : QJsonValue();
}

QJsonValue uuidToJson(const Uuid &uuid)
{
    return uuid.isNull() ? QJsonValue() : QJsonValue(uuid.toString());
}

QJsonValue idToJson(qint64 id)
{
    return QString::number(id);
}

Result<Money, FieldError> moneyFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return typeError("an object {\"amount\": \"…\", \"currency\": \"…\"}");
    const QJsonObject o = value.toObject();
    const QJsonValue amount = o.value(QLatin1StringView("amount"));
    const QJsonValue code = o.value(QLatin1StringView("currency"));
    const QString amountField = QStringLiteral("amount");
    const QString currencyField = QStringLiteral("currency");
    if (amount.isUndefined() || amount.isNull())
        return fieldError(FieldErrorCode::Required, QStringLiteral("amount is required"),
                          amountField);
    if (!amount.isString())
        return fieldError(FieldErrorCode::InvalidType,
                          QStringLiteral("amount must be a decimal string such as \"1234.50\", "
                                         "not a JSON number"),
                          amountField);
    if (code.isUndefined() || code.isNull())
        return fieldError(FieldErrorCode::Required, QStringLiteral("currency is required"),
                          currencyField);
    if (!code.isString())
        return fieldError(FieldErrorCode::InvalidType,
                          QStringLiteral("currency must be an ISO 4217 code string"),
                          currencyField);
    const Result<Currency> currency = Currency::fromCode(code.toString());
    if (!currency)
        return valueFieldError(currency.error(), currencyField);
    const Result<Money> money = Money::parse(amount.toString(), *currency);
    if (!money)
        return valueFieldError(money.error(), amountField);
    return *money;
}

Result<Decimal, FieldError> decimalFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return typeError("a decimal string such as \"1.5\"");
    const Result<Decimal> d = Decimal::parse(value.toString());
    if (!d)
        return valueFieldError(d.error());
    return *d;
}

Result<QDate, FieldError> dateFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return typeError("a date string YYYY-MM-DD");
    const Result<QDate> d = parseDate(value.toString());
    if (!d)
        return valueFieldError(d.error());
    return *d;
}

Result<QDateTime, FieldError> instantFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return typeError("an ISO-8601 UTC timestamp string");
    const Result<QDateTime> t = parseInstant(value.toString());
    if (!t)
        return valueFieldError(t.error());
    return *t;
}

Result<Period, FieldError> periodFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return typeError("a period string YYYY-MM");
    const Result<Period> p = Period::fromString(value.toString());
    if (!p)
        return valueFieldError(p.error());
    return *p;
}

Result<Uuid, FieldError> uuidFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return typeError("a UUID string");
    const Result<Uuid> u = Uuid::parse(value.toString());
    if (!u)
        return valueFieldError(u.error());
    if (u->isNull())
        return fieldError(FieldErrorCode::InvalidValue,
                          QStringLiteral("the nil UUID is not allowed"));
    return *u;
}

Result<qint64, FieldError> int64FromJson(const QJsonValue &value)
{
    if (value.isDouble()) {
        // toInteger() answers its default for non-integral or out-of-range numbers.
        const qint64 a = value.toInteger(0);
        const qint64 b = value.toInteger(1);
        if (a != b)
            return fieldError(FieldErrorCode::InvalidValue,
                              QStringLiteral("must be a whole number within 64 bits"));
        return a;
    }
    if (value.isString()) {
        const Result<Int128> v =
            detail::parseFixed(value.toString(), 0, std::numeric_limits<qint64>::max());
        if (!v)
            return fieldError(
                FieldErrorCode::InvalidValue,
                QStringLiteral("'%1' is not a whole number within 64 bits").arg(value.toString()));
        return qint64(*v);
    }
    return typeError("an integer or a string of digits");
}

// ---- JsonReader ----------------------------------------------------------------------------

JsonReader::JsonReader(const QJsonObject &object, const QString &pathPrefix)
    : object_(object), prefix_(pathPrefix)
{}

QString JsonReader::path(const QString &name) const
{
    if (prefix_.isEmpty())
        return name;
    if (name.isEmpty())
        return prefix_;
    return prefix_ + u'/' + name;
}

JsonReader JsonReader::child(const QString &name, const QJsonObject &object) const
{
    return JsonReader(object, path(name));
}

void JsonReader::addError(const QString &name, const char *code, const QString &message)
{
    errors_.append(FieldError{path(name), QString::fromLatin1(code), message});
}

void JsonReader::addErrors(const QList<FieldError> &errors)
{
    errors_.append(errors);
}

bool JsonReader::has(const QString &name) const
{
    const QJsonValue v = object_.value(name);
    return !v.isUndefined() && !v.isNull();
}

template <class T, class Decode>
std::optional<T> JsonReader::read(const QString &name, bool required, Decode decode)
{
    const QJsonValue v = object_.value(name);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            addError(name, FieldErrorCode::Required, QStringLiteral("%1 is required").arg(name));
        return std::nullopt;
    }
    Result<T, FieldError> r = decode(v);
    if (!r) {
        FieldError e = r.error();
        const QString rel = e.field.isEmpty() ? name : name + u'/' + e.field;
        e.field = path(rel);
        if (e.message.isEmpty())
            e.message = QStringLiteral("%1 is invalid").arg(rel);
        errors_.append(e);
        return std::nullopt;
    }
    return std::move(r).value();
}

namespace {
Result<QString, FieldError> stringFromJson(const QJsonValue &v)
{
    if (!v.isString())
        return typeError("a string");
    return v.toString();
}

Result<bool, FieldError> boolFromJson(const QJsonValue &v)
{
    if (!v.isBool())
        return typeError("true or false");
    return v.toBool();
}

Result<QJsonObject, FieldError> objectFromJson(const QJsonValue &v)
{
    if (!v.isObject())
        return typeError("an object");
    return v.toObject();
}

Result<QJsonArray, FieldError> arrayFromJson(const QJsonValue &v)
{
    if (!v.isArray())
        return typeError("an array");
    return v.toArray();
}
} // namespace

QString JsonReader::requiredString(const QString &name)
{
    std::optional<QString> s = read<QString>(name, true, stringFromJson);
    if (s && s->trimmed().isEmpty()) {
        addError(name, FieldErrorCode::Required, QStringLiteral("%1 must not be blank").arg(name));
        return {};
    }
    return s.value_or(QString());
}

std::optional<QString> JsonReader::optionalString(const QString &name)
{
    return read<QString>(name, false, stringFromJson);
}

Money JsonReader::requiredMoney(const QString &name)
{
    return read<Money>(name, true, moneyFromJson).value_or(Money());
}

std::optional<Money> JsonReader::optionalMoney(const QString &name)
{
    return read<Money>(name, false, moneyFromJson);
}

Decimal JsonReader::requiredDecimal(const QString &name)
{
    return read<Decimal>(name, true, decimalFromJson).value_or(Decimal());
}

std::optional<Decimal> JsonReader::optionalDecimal(const QString &name)
{
    return read<Decimal>(name, false, decimalFromJson);
}

QDate JsonReader::requiredDate(const QString &name)
{
    return read<QDate>(name, true, dateFromJson).value_or(QDate());
}

std::optional<QDate> JsonReader::optionalDate(const QString &name)
{
    return read<QDate>(name, false, dateFromJson);
}

QDateTime JsonReader::requiredInstant(const QString &name)
{
    return read<QDateTime>(name, true, instantFromJson).value_or(QDateTime());
}

std::optional<QDateTime> JsonReader::optionalInstant(const QString &name)
{
    return read<QDateTime>(name, false, instantFromJson);
}

qint64 JsonReader::requiredInt64(const QString &name)
{
    return read<qint64>(name, true, int64FromJson).value_or(0);
}

std::optional<qint64> JsonReader::optionalInt64(const QString &name)
{
    return read<qint64>(name, false, int64FromJson);
}

bool JsonReader::requiredBool(const QString &name)
{
    return read<bool>(name, true, boolFromJson).value_or(false);
}

std::optional<bool> JsonReader::optionalBool(const QString &name)
{
    return read<bool>(name, false, boolFromJson);
}

Uuid JsonReader::requiredUuid(const QString &name)
{
    return read<Uuid>(name, true, uuidFromJson).value_or(Uuid());
}

std::optional<Uuid> JsonReader::optionalUuid(const QString &name)
{
    return read<Uuid>(name, false, uuidFromJson);
}

Period JsonReader::requiredPeriod(const QString &name)
{
    return read<Period>(name, true, periodFromJson).value_or(Period());
}

std::optional<Period> JsonReader::optionalPeriod(const QString &name)
{
    return read<Period>(name, false, periodFromJson);
}

QJsonObject JsonReader::requiredObject(const QString &name)
{
    return read<QJsonObject>(name, true, objectFromJson).value_or(QJsonObject());
}

QJsonArray JsonReader::requiredArray(const QString &name)
{
    return read<QJsonArray>(name, true, arrayFromJson).value_or(QJsonArray());
}

std::optional<QJsonArray> JsonReader::optionalArray(const QString &name)
{
    return read<QJsonArray>(name, false, arrayFromJson);
}

} // namespace keel
