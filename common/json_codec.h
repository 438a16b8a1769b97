#pragma once

// JSON codecs for common value types, per DESIGN.md section 3:
//   Money    {"amount":"1234.50","currency":"EUR"}  (amount MUST be a JSON string)
//   Decimal  "1.085432"          (a JSON string, never a number)
//   QDate    "2026-03-31"        (strict YYYY-MM-DD)
//   instant  "2026-03-31T09:30:00Z" / "...09:30:00.250Z" (UTC ISO-8601; offsets accepted on
//            input and converted to UTC; a time without zone is rejected)
//   Period   "2026-03";  Uuid "0b7e...";  ids (int64) as a JSON number or a string of digits.
//
// Decoders return Result<T, FieldError>: code is one of FieldErrorCode, field is the path
// relative to the value ("" for the value itself, "amount"/"currency" inside Money).
// JsonReader composes those into full field paths and collects them for a 422 problem.

#include "decimal.h"
#include "money.h"
#include "period.h"
#include "problem.h"
#include "result.h"
#include "uuid.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace keel {

namespace FieldErrorCode {
inline constexpr auto Required = "required";          // missing, null or blank
inline constexpr auto InvalidType = "invalid_type";   // wrong JSON type (number for a money amount)
inline constexpr auto InvalidValue = "invalid_value"; // right type, unacceptable content
} // namespace FieldErrorCode

// Strict text forms shared by JSON, query strings and CSV.
Result<QDate> parseDate(QStringView text);        // YYYY-MM-DD, a real calendar date
Result<QDateTime> parseInstant(QStringView text); // see above; result is UTC
QString formatDate(QDate date);                   // "" for an invalid date
QString formatInstant(const QDateTime &instant);  // UTC, milliseconds only when non-zero

QJsonObject moneyToJson(const Money &money);
QJsonValue decimalToJson(const Decimal &value);
QJsonValue dateToJson(QDate date);                  // null when invalid
QJsonValue instantToJson(const QDateTime &instant); // null when invalid
QJsonValue periodToJson(const Period &period);      // null when invalid
QJsonValue uuidToJson(const Uuid &uuid);            // null when nil
QJsonValue idToJson(qint64 id);                     // as a string, exact beyond 2^53

Result<Money, FieldError> moneyFromJson(const QJsonValue &value);
Result<Decimal, FieldError> decimalFromJson(const QJsonValue &value);
Result<QDate, FieldError> dateFromJson(const QJsonValue &value);
Result<QDateTime, FieldError> instantFromJson(const QJsonValue &value);
Result<Period, FieldError> periodFromJson(const QJsonValue &value);
Result<Uuid, FieldError> uuidFromJson(const QJsonValue &value); // nil is invalid_value
Result<qint64, FieldError> int64FromJson(const QJsonValue &value);

// Reads fields of one JSON object and collects FieldErrors instead of failing on the first:
//
//   JsonReader in(body);
//   const QString name = in.requiredString("name");
//   const Money rate = in.requiredMoney("rate");
//   const auto note = in.optionalString("note");
//   if (!in.ok()) return unprocessable(in.errors()); // 422 with errors[]
//
// "required" fields fail with code "required" when missing or null (strings also when blank),
// "optional" ones return std::nullopt when missing or null. A failed read returns a default
// value that must not be used. Field paths are prefixed with pathPrefix ("lines/2").
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object, const QString &pathPrefix = {});

    QString requiredString(const QString &name);
    std::optional<QString> optionalString(const QString &name);
    Money requiredMoney(const QString &name);
    std::optional<Money> optionalMoney(const QString &name);
    Decimal requiredDecimal(const QString &name);
    std::optional<Decimal> optionalDecimal(const QString &name);
    QDate requiredDate(const QString &name);
    std::optional<QDate> optionalDate(const QString &name);
    QDateTime requiredInstant(const QString &name);
    std::optional<QDateTime> optionalInstant(const QString &name);
    qint64 requiredInt64(const QString &name);
    std::optional<qint64> optionalInt64(const QString &name);
    bool requiredBool(const QString &name);
    std::optional<bool> optionalBool(const QString &name);
    Uuid requiredUuid(const QString &name);
    std::optional<Uuid> optionalUuid(const QString &name);
    Period requiredPeriod(const QString &name);
    std::optional<Period> optionalPeriod(const QString &name);
    QJsonObject requiredObject(const QString &name);
    QJsonArray requiredArray(const QString &name);
    std::optional<QJsonArray> optionalArray(const QString &name);

    // Full path of a field of this object: "lines/2/amount".
    QString path(const QString &name) const;
    // A reader for a nested object (e.g. an array element) with the path extended by `name`;
    // take its errors back with addErrors(child.errors()).
    JsonReader child(const QString &name, const QJsonObject &object) const;
    // Rule violations found by the caller (field relative to this reader's prefix).
    void addError(const QString &name, const char *code, const QString &message);
    void addErrors(const QList<FieldError> &errors);

    bool has(const QString &name) const; // present and not null
    bool ok() const { return errors_.isEmpty(); }
    const QList<FieldError> &errors() const { return errors_; }
    const QJsonObject &object() const { return object_; }

private:
    template <class T, class Decode>
    std::optional<T> read(const QString &name, bool required, Decode decode);

    QJsonObject object_;
    QString prefix_;
    QList<FieldError> errors_;
};

} // namespace keel
