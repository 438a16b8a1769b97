#include "json_codec.h"

#include <QJsonDocument>
#include <QTest>

using namespace keel;

namespace {
QJsonObject obj(const char *json)
{
    QJsonParseError err;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &err);
    if (err.error != QJsonParseError::NoError || !d.isObject())
        qFatal("bad JSON in test: %s", json);
    return d.object();
}

Money eur(const char *amount)
{
    return Money::parse(QString::fromLatin1(amount), QStringLiteral("EUR")).value();
}
} // namespace

class TestJsonCodec : public QObject
{
    Q_OBJECT

private slots:
    void moneyRoundTrip()
    {
        const Money m = eur("1234.50");
        const QJsonObject j = moneyToJson(m);
        QCOMPARE(QJsonDocument(j).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"amount":"1234.50","currency":"EUR"})"));
        QVERIFY(j.value("amount").isString());
        Result<Money, FieldError> back = moneyFromJson(j);
        QVERIFY(back.ok());
        QCOMPARE(*back, m);
        QCOMPARE(back->minorUnits(), qint64(123450));

        const Money jpy = Money::parse(u"-1234", u"JPY").value();
        QCOMPARE(moneyToJson(jpy).value("amount").toString(), QStringLiteral("-1234"));
        QCOMPARE(moneyFromJson(moneyToJson(jpy)).value(), jpy);
    }

    void moneyAmountAsNumberRejected()
    {
        JsonReader in(obj(R"({"total":{"amount":1234.5,"currency":"EUR"}})"));
        in.requiredMoney("total");
        QVERIFY(!in.ok());
        QCOMPARE(in.errors().size(), 1);
        QCOMPARE(in.errors()[0].field, QStringLiteral("total/amount"));
        QCOMPARE(in.errors()[0].code, QStringLiteral("invalid_type"));
        QVERIFY(!in.errors()[0].message.isEmpty());
    }

    void moneyErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << QByteArray("{}") << "total"
                                 << "required";
        QTest::newRow("null") << QByteArray(R"({"total":null})") << "total"
                              << "required";
        QTest::newRow("string") << QByteArray(R"({"total":"12.00 EUR"})") << "total"
                                << "invalid_type";
        QTest::newRow("no amount")
            << QByteArray(R"({"total":{"currency":"EUR"}})") << "total/amount"
            << "required";
        QTest::newRow("no currency")
            << QByteArray(R"({"total":{"amount":"1.00"}})") << "total/currency"
            << "required";
        QTest::newRow("lower currency")
            << QByteArray(R"({"total":{"amount":"1.00","currency":"eur"}})") << "total/currency"
            << "invalid_value";
        QTest::newRow("numeric currency")
            << QByteArray(R"({"total":{"amount":"1.00","currency":978}})") << "total/currency"
            << "invalid_type";
        QTest::newRow("too many decimals")
            << QByteArray(R"({"total":{"amount":"1.005","currency":"EUR"}})") << "total/amount"
            << "invalid_value";
        QTest::newRow("jpy decimals")
            << QByteArray(R"({"total":{"amount":"1.5","currency":"JPY"}})") << "total/amount"
            << "invalid_value";
        QTest::newRow("garbage amount")
            << QByteArray(R"({"total":{"amount":"1,00","currency":"EUR"}})") << "total/amount"
            << "invalid_value";
    }
    void moneyErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, code);
        JsonReader in(obj(json.constData()));
        const Money m = in.requiredMoney("total");
        QVERIFY(!m.isValid());
        QCOMPARE(in.errors().size(), 1);
        QCOMPARE(in.errors()[0].field, field);
        QCOMPARE(in.errors()[0].code, code);
    }

    void decimalCodec()
    {
        const Decimal d = Decimal::parse(u"1.085432").value();
        QCOMPARE(decimalToJson(d), QJsonValue(QStringLiteral("1.085432")));
        QCOMPARE(decimalFromJson(QJsonValue(QStringLiteral("-0.5")))->toString(),
                 QStringLiteral("-0.5"));
        Result<Decimal, FieldError> n = decimalFromJson(QJsonValue(1.5));
        QVERIFY(!n.ok());
        QCOMPARE(n.error().code, QStringLiteral("invalid_type"));
        QCOMPARE(decimalFromJson(QJsonValue(QStringLiteral("1e5"))).error().code,
                 QStringLiteral("invalid_value"));
    }

    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << "2026-03-31" << true;
        QTest::newRow("leap") << "2024-02-29" << true;
        QTest::newRow("not leap") << "2026-02-29" << false;
        QTest::newRow("short month") << "2026-3-31" << false;
        QTest::newRow("time attached") << "2026-03-31T00:00:00" << false;
        QTest::newRow("slashes") << "2026/03/31" << false;
        QTest::newRow("day 32") << "2026-01-32" << false;
        QTest::newRow("space") << " 2026-03-31" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("sign") << "+026-03-31" << false;
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        Result<QDate, FieldError> d = dateFromJson(QJsonValue(text));
        QCOMPARE(d.ok(), valid);
        if (valid) {
            QCOMPARE(dateToJson(*d), QJsonValue(text));
        } else {
            QCOMPARE(d.error().code, QStringLiteral("invalid_value"));
        }
    }

    void instants_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc"); // empty = rejected
        QTest::newRow("z") << "2026-03-31T09:30:00Z"
                           << "2026-03-31T09:30:00Z";
        QTest::newRow("ms") << "2026-03-31T09:30:00.250Z"
                            << "2026-03-31T09:30:00.250Z";
        QTest::newRow("us truncated") << "2026-03-31T09:30:00.250999Z"
                                      << "2026-03-31T09:30:00.250Z";
        QTest::newRow("offset") << "2026-03-31T11:30:00+02:00"
                                << "2026-03-31T09:30:00Z";
        QTest::newRow("neg offset day") << "2026-03-31T22:30:00-05:00"
                                        << "2026-04-01T03:30:00Z";
        QTest::newRow("no zone") << "2026-03-31T09:30:00"
                                 << "";
        QTest::newRow("date only") << "2026-03-31"
                                   << "";
        QTest::newRow("space sep") << "2026-03-31 09:30:00Z"
                                   << "";
        QTest::newRow("hour 24") << "2026-03-31T24:00:00Z"
                                 << "";
        QTest::newRow("bad date") << "2026-02-30T09:30:00Z"
                                  << "";
    }
    void instants()
    {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        Result<QDateTime, FieldError> t = instantFromJson(QJsonValue(text));
        QCOMPARE(t.ok(), !utc.isEmpty());
        if (t.ok()) {
            QCOMPARE(t->timeSpec(), Qt::UTC);
            QCOMPARE(instantToJson(*t).toString(), utc);
        }
    }

    void readerAllFields()
    {
        const QJsonObject o = obj(R"({
            "name": "Acme", "note": "hi", "rate": {"amount": "150.00", "currency": "GBP"},
            "hours": "7.5", "date": "2026-03-02", "at": "2026-03-02T10:00:00Z",
            "id": 42, "big_id": "9007199254740993", "billable": true,
            "entry": "0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f", "period": "2026-03",
            "lines": [{"qty": "2"}], "meta": {}
        })");
        JsonReader in(o);
        QCOMPARE(in.requiredString("name"), QStringLiteral("Acme"));
        QCOMPARE(in.optionalString("note").value(), QStringLiteral("hi"));
        QVERIFY(!in.optionalString("absent").has_value());
        QCOMPARE(in.requiredMoney("rate"), Money::parse(u"150.00", u"GBP").value());
        QCOMPARE(in.requiredDecimal("hours").toString(), QStringLiteral("7.5"));
        QCOMPARE(in.requiredDate("date"), QDate(2026, 3, 2));
        QCOMPARE(in.requiredInstant("at"), QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
        QCOMPARE(in.requiredInt64("id"), qint64(42));
        QCOMPARE(in.requiredInt64("big_id"), qint64(9007199254740993LL));
        QCOMPARE(in.requiredBool("billable"), true);
        QCOMPARE(in.requiredUuid("entry").toString(),
                 QStringLiteral("0b7e54c2-4f9a-4d2e-9c61-1a2b3c4d5e6f"));
        QCOMPARE(in.requiredPeriod("period"), Period(2026, 3));
        QCOMPARE(in.requiredArray("lines").size(), 1);
        QVERIFY(in.requiredObject("meta").isEmpty());
        QVERIFY(!in.optionalMoney("absent").has_value());
        QVERIFY(!in.optionalBool("absent").has_value());
        QVERIFY2(in.ok(), in.errors().isEmpty() ? "" : qPrintable(in.errors()[0].field));

        JsonReader line =
            in.child(QStringLiteral("lines/0"), in.requiredArray("lines")[0].toObject());
        QCOMPARE(line.requiredDecimal("qty").toString(), QStringLiteral("2"));
        line.requiredMoney("price");
        QCOMPARE(line.errors().size(), 1);
        QCOMPARE(line.errors()[0].field, QStringLiteral("lines/0/price"));
        QCOMPARE(line.errors()[0].code, QStringLiteral("required"));
        in.addErrors(line.errors());
        QCOMPARE(in.errors().size(), 1);
    }

    void readerCollectsErrors()
    {
        const QJsonObject o = obj(R"({
            "name": "  ", "id": 1.5, "id2": "12a", "id3": true, "flag": "true",
            "date": "31.03.2026", "hours": 7.5, "entry": "00000000-0000-0000-0000-000000000000",
            "note": 5, "big": 1e30
        })");
        JsonReader in(o);
        in.requiredString("name");
        in.requiredString("missing");
        in.requiredInt64("id");
        in.requiredInt64("id2");
        in.requiredInt64("id3");
        in.requiredBool("flag");
        in.requiredDate("date");
        in.requiredDecimal("hours");
        in.requiredUuid("entry");
        in.optionalString("note");
        in.requiredInt64("big");
        in.addError("end", FieldErrorCode::InvalidValue, QStringLiteral("end before start"));
        const QList<FieldError> expected{
            {"name", "required", {}},       {"missing", "required", {}},
            {"id", "invalid_value", {}},    {"id2", "invalid_value", {}},
            {"id3", "invalid_type", {}},    {"flag", "invalid_type", {}},
            {"date", "invalid_value", {}},  {"hours", "invalid_type", {}},
            {"entry", "invalid_value", {}}, {"note", "invalid_type", {}},
            {"big", "invalid_value", {}},   {"end", "invalid_value", {}},
        };
        QCOMPARE(in.errors().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(in.errors()[i].field, expected[i].field);
            QCOMPARE(in.errors()[i].code, expected[i].code);
            QVERIFY2(!in.errors()[i].message.isEmpty(), qPrintable(expected[i].field));
        }
        QVERIFY(!in.ok());
    }

    void readerPrefix()
    {
        JsonReader in(obj(R"({"amount":{"amount":5,"currency":"EUR"}})"),
                      QStringLiteral("lines/3"));
        in.requiredMoney("amount");
        QCOMPARE(in.errors().value(0).field, QStringLiteral("lines/3/amount/amount"));
        QCOMPARE(in.path("x"), QStringLiteral("lines/3/x"));
    }

    void otherEncoders()
    {
        QCOMPARE(idToJson(9007199254740993LL), QJsonValue(QStringLiteral("9007199254740993")));
        QCOMPARE(int64FromJson(idToJson(9007199254740993LL)).value(), qint64(9007199254740993LL));
        QCOMPARE(periodToJson(Period(2026, 3)), QJsonValue(QStringLiteral("2026-03")));
        QVERIFY(periodToJson(Period()).isNull());
        QVERIFY(uuidToJson(Uuid()).isNull());
        QVERIFY(dateToJson(QDate()).isNull());
        QVERIFY(instantToJson(QDateTime()).isNull());
        QCOMPARE(int64FromJson(QJsonValue(QStringLiteral("-7"))).value(), qint64(-7));
        QVERIFY(!int64FromJson(QJsonValue(QStringLiteral(" 7"))).ok());
        QVERIFY(!int64FromJson(QJsonValue(QStringLiteral("9223372036854775808"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestJsonCodec)
#include "tst_json_codec.moc"
