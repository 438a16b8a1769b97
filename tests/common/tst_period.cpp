#include "period.h"

#include <QTest>

using namespace keel;

class TestPeriod : public QObject
{
    Q_OBJECT

private slots:
    void parseFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("month");
        QTest::newRow("march") << "2026-03" << 2026 << 3;
        QTest::newRow("december") << "1999-12" << 1999 << 12;
        QTest::newRow("january") << "0001-01" << 1 << 1;
    }
    void parseFormat()
    {
        QFETCH(QString, text);
        QFETCH(int, year);
        QFETCH(int, month);
        Result<Period> p = Period::fromString(text);
        QVERIFY(p.ok());
        QCOMPARE(p->year(), year);
        QCOMPARE(p->month(), month);
        QCOMPARE(p->toString(), text);
    }

    void parseRejects()
    {
        for (const char *s : {"", "2026-3", "2026-13", "2026-00", "26-03", "2026/03", "2026-03-01",
                              " 2026-03", "0000-01", "abcd-ef", "2026-0a"}) {
            Result<Period> p = Period::fromString(QString::fromLatin1(s));
            QVERIFY2(!p.ok(), s);
            QCOMPARE(p.error().code, QStringLiteral("invalid_format"));
        }
        QVERIFY(!Period(2026, 13).isValid());
        QVERIFY(!Period().isValid());
        QCOMPARE(Period().toString(), QString());
    }

    void days()
    {
        const Period feb24(2024, 2), feb26(2026, 2), dec(2026, 12);
        QCOMPARE(feb24.firstDay(), QDate(2024, 2, 1));
        QCOMPARE(feb24.lastDay(), QDate(2024, 2, 29));
        QCOMPARE(feb26.lastDay(), QDate(2026, 2, 28));
        QCOMPARE(dec.lastDay(), QDate(2026, 12, 31));
        QVERIFY(feb26.contains(QDate(2026, 2, 28)));
        QVERIFY(feb26.contains(QDate(2026, 2, 1)));
        QVERIFY(!feb26.contains(QDate(2026, 3, 1)));
        QVERIFY(!feb26.contains(QDate(2025, 2, 15)));
        QVERIFY(!feb26.contains(QDate()));
        QCOMPARE(Period::fromDate(QDate(2026, 3, 31)), Period(2026, 3));
        QVERIFY(!Period::fromDate(QDate()).isValid());
    }

    void navigation()
    {
        QCOMPARE(Period(2026, 12).next(), Period(2027, 1));
        QCOMPARE(Period(2026, 1).previous(), Period(2025, 12));
        QCOMPARE(Period(2026, 3).addMonths(-15), Period(2024, 12));
        QCOMPARE(Period(2026, 3).addMonths(22), Period(2028, 1));
        QVERIFY(!Period(9999, 12).next().isValid());
        QVERIFY(!Period(1, 1).previous().isValid());
        QCOMPARE(Period(2025, 11).monthsUntil(Period(2026, 2)), 3);
        QVERIFY(Period(2025, 12) < Period(2026, 1));
        QVERIFY(Period(2026, 2) > Period(2026, 1));
    }

    void fiscalApril()
    {
        const FiscalCalendar fc(4);
        QCOMPARE(fc.fiscalYear(Period(2026, 4)), 2027);
        QCOMPARE(fc.periodNumber(Period(2026, 4)), 1);
        QCOMPARE(fc.fiscalYear(Period(2027, 3)), 2027);
        QCOMPARE(fc.periodNumber(Period(2027, 3)), 12);
        QCOMPARE(fc.fiscalYear(Period(2026, 3)), 2026);
        QCOMPARE(fc.periodNumber(Period(2026, 3)), 12);
        QCOMPARE(fc.periodNumber(Period(2026, 12)), 9);
        QCOMPARE(fc.periodNumber(Period(2027, 1)), 10);
        QCOMPARE(fc.firstPeriod(2027), Period(2026, 4));
        QCOMPARE(fc.lastPeriod(2027), Period(2027, 3));
        QCOMPARE(fc.period(2027, 9), Period(2026, 12));
        QVERIFY(!fc.period(2027, 13).isValid());
        QVERIFY(!fc.period(2027, 0).isValid());
        QCOMPARE(fc.firstDay(2027), QDate(2026, 4, 1));
        QCOMPARE(fc.lastDay(2027), QDate(2027, 3, 31));
        const QList<Period> ps = fc.periods(2027);
        QCOMPARE(ps.size(), 12);
        for (int i = 0; i < 12; ++i) {
            QCOMPARE(fc.fiscalYear(ps[i]), 2027);
            QCOMPARE(fc.periodNumber(ps[i]), i + 1);
        }
    }

    void fiscalCalendarYear()
    {
        const FiscalCalendar fc;
        QCOMPARE(fc.startMonth(), 1);
        QCOMPARE(fc.fiscalYear(Period(2026, 1)), 2026);
        QCOMPARE(fc.fiscalYear(Period(2026, 12)), 2026);
        QCOMPARE(fc.periodNumber(Period(2026, 12)), 12);
        QCOMPARE(fc.firstPeriod(2026), Period(2026, 1));
        QCOMPARE(fc.lastPeriod(2026), Period(2026, 12));
    }

    void fiscalJuly()
    {
        const FiscalCalendar fc(7);
        QCOMPARE(fc.fiscalYear(Period(2025, 7)), 2026);
        QCOMPARE(fc.periodNumber(Period(2025, 7)), 1);
        QCOMPARE(fc.fiscalYear(Period(2026, 6)), 2026);
        QCOMPARE(fc.periodNumber(Period(2026, 6)), 12);
        QCOMPARE(FiscalCalendar(0).startMonth(), 1);
        QCOMPARE(FiscalCalendar(13).startMonth(), 12);
    }
};

QTEST_GUILESS_MAIN(TestPeriod)
#include "tst_period.moc"
