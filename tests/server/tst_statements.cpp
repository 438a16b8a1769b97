// Financial statements (GET /close/statements): an entity's P&L and balance sheet in its
// functional currency with the previous period and year beside them, tying to the ledger's own
// reports; the group's in USD with each entity translated (closing rate for balances, the
// period's average daily rate for P&L), intercompany accounts eliminated to zero and the
// translation reserve keeping the balance sheet balanced; who may read which, and what a bad
// request gets.

#include "tst_intercompany_fixture.h"

using namespace keel;
using namespace keel::test;

class StatementsTest : public QObject, public IntercompanyFixture
{
    Q_OBJECT

    qint64 ukProject = 0;

    void recognise(qint64 entity, const char *sourceId, const char *date, const char *amount,
                   const char *currency)
    {
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger, {entity,
                          client,
                          fin,
                          QString::fromLatin1(sourceId),
                          QDate::fromString(QString::fromLatin1(date), Qt::ISODate),
                          {{entity == us ? project : 0, money(amount, currency), std::nullopt, {}}},
                          {}});
        });
    }

    // US: revenue 5,000 (Oct 2025), 8,000 (Sep 2026), 10,000 and a 2,000 bill (Oct 2026).
    // DE: revenue 1,000 EUR, UK: 2,000 GBP, and DE charges UK 660.00 EUR, all in Oct 2026.
    void postTheYear()
    {
        recognise(us, "US:2025-10", "2025-10-15", "5000.00", "USD");
        recognise(us, "US:2026-09", "2026-09-15", "8000.00", "USD");
        recognise(us, "US:2026-10", "2026-10-15", "10000.00", "USD");
        inTx([&] {
            return posting_rules::vendorBillApproved(
                *ledger, {us,
                          1,
                          ctl,
                          fin,
                          QDate(2026, 10, 20),
                          "B-1",
                          {{project, money("2000.00", "USD"), std::nullopt, {}}}});
        });
        recognise(de, "DE:2026-10", "2026-10-15", "1000.00", "EUR");
        recognise(uk, "UK:2026-10", "2026-10-15", "2000.00", "GBP");
        ukProject = makeProject(uk, "Thames");
        posting_rules::IntercompanyCharge ic;
        ic.employingEntityId = de;
        ic.contractingEntityId = uk;
        ic.postedBy = ctl;
        ic.projectId = ukProject;
        ic.sourceId = QStringLiteral("test:2026-10");
        ic.date = QDate(2026, 10, 31);
        ic.amount = money("660.00", "EUR");
        inTx([&] { return posting_rules::intercompanyCharge(*ledger, ic); });
    }

    static QString url(const char *kind, const QString &entity, const char *from, const char *to,
                       const char *compare = "previous_period,previous_year")
    {
        QString u = QStringLiteral("/api/v1/close/statements?kind=%1&legal_entity_id=%2&to=%3")
                        .arg(QString::fromLatin1(kind), entity, QString::fromLatin1(to));
        if (*from)
            u += QStringLiteral("&from=") + QString::fromLatin1(from);
        if (*compare)
            u += QStringLiteral("&compare=") + QString::fromLatin1(compare);
        return u;
    }

    // The row of an account number (or a computed row's key), empty when absent.
    static QJsonObject row(const QJsonObject &statement, const QString &numberOrKey)
    {
        for (const QJsonValue &s : statement.value("sections").toArray())
            for (const QJsonValue &r : s.toObject().value("rows").toArray())
                if (r.toObject().value("number").toString() == numberOrKey ||
                    r.toObject().value("key").toString() == numberOrKey)
                    return r.toObject();
        return {};
    }

    // "current previous_period previous_year" of an amounts object.
    static QString cols(const QJsonValue &amounts)
    {
        const QJsonObject a = amounts.toObject();
        QStringList out;
        for (const char *k : {"current", "previous_period", "previous_year"})
            if (a.contains(k))
                out << a.value(k).toString();
        return out.join(u' ');
    }

    static QString cols(const QJsonObject &statement, const QString &numberOrKey)
    {
        return cols(row(statement, numberOrKey).value("amounts"));
    }

    QJsonObject read(HttpClient &http, const QString &path)
    {
        const HttpResult r = http.get(path);
        if (r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.json();
    }

private slots:
    void init() { setUpGroup(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void entityProfitAndLossWithComparisons()
    {
        postTheYear();
        auto f = login("fin");
        const QJsonObject s =
            read(*f, url("profit_and_loss", QString::number(us), "2026-10-01", "2026-10-31"));
        QCOMPARE(s.value("scope").toString(), QString("entity"));
        QCOMPARE(s.value("currency").toString(), QString("USD"));
        QCOMPARE(s.value("legal_entity_id").toString(), QString::number(us));
        const QJsonArray columns = s.value("columns").toArray();
        QCOMPARE(columns.size(), 3);
        QCOMPARE(columns.at(1).toObject().value("from").toString(), QString("2026-09-01"));
        QCOMPARE(columns.at(1).toObject().value("to").toString(), QString("2026-09-30"));
        QCOMPARE(columns.at(2).toObject().value("from").toString(), QString("2025-10-01"));
        QCOMPARE(columns.at(2).toObject().value("to").toString(), QString("2025-10-31"));
        QCOMPARE(cols(s, "4000"), QString("10000.00 8000.00 5000.00"));
        QCOMPARE(cols(s, "5100"), QString("2000.00 0.00 0.00"));
        QCOMPARE(cols(s.value("net_income")), QString("8000.00 8000.00 5000.00"));
        QCOMPARE(s.value("sections").toArray().at(0).toObject().value("type").toString(),
                 QString("revenue"));
        QCOMPARE(cols(s.value("sections").toArray().at(1).toObject().value("total")),
                 QString("2000.00 0.00 0.00"));
        const QJsonArray accounts = row(s, "4000").value("accounts").toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.at(0).toObject().value("account_id").toString(),
                 QString::number(scalar(
                     "SELECT id FROM ledger_accounts WHERE legal_entity_id = ? AND number = '4000'",
                     {us})));
        QVERIFY(!s.contains("eliminations"));

        // The ledger's own P&L of each column says the same.
        const auto ledgerNet = [&](const char *from, const char *to) {
            return f
                ->get(QStringLiteral("/api/v1/ledger/entities/%1/profit-and-loss?from=%2&to=%3")
                          .arg(us)
                          .arg(QString::fromLatin1(from), QString::fromLatin1(to)))
                .json()
                .value("net_income")
                .toObject()
                .value("amount")
                .toString();
        };
        QCOMPARE(ledgerNet("2026-10-01", "2026-10-31") + ' ' +
                     ledgerNet("2026-09-01", "2026-09-30") + ' ' +
                     ledgerNet("2025-10-01", "2025-10-31"),
                 cols(s.value("net_income")));

        // Several months compare with as many months before.
        const QJsonObject q =
            read(*f, url("profit_and_loss", QString::number(us), "2026-08-01", "2026-10-31"));
        QCOMPARE(q.value("columns").toArray().at(1).toObject().value("from").toString(),
                 QString("2026-05-01"));
        QCOMPARE(cols(q, "4000"), QString("18000.00 0.00 5000.00"));
        // Without comparisons: the current column only.
        const QJsonObject c =
            read(*f, url("profit_and_loss", QString::number(us), "2026-10-01", "2026-10-31", ""));
        QCOMPARE(c.value("columns").toArray().size(), 1);
        QCOMPARE(row(c, "4000").value("amounts").toObject().keys(), QStringList{"current"});
    }

    void entityBalanceSheetBalancesAndTiesToTheLedger()
    {
        postTheYear();
        auto f = login("fin");
        const QJsonObject s = read(*f, url("balance_sheet", QString::number(us), "", "2026-10-31"));
        QCOMPARE(s.value("columns").toArray().at(0).toObject().value("as_of").toString(),
                 QString("2026-10-31"));
        QCOMPARE(s.value("columns").toArray().at(1).toObject().value("to").toString(),
                 QString("2026-09-30"));
        QCOMPARE(s.value("columns").toArray().at(2).toObject().value("to").toString(),
                 QString("2025-10-31"));
        QCOMPARE(cols(s, "1150"), QString("23000.00 13000.00 5000.00"));
        QCOMPARE(cols(s, "2000"), QString("2000.00 0.00 0.00"));
        QCOMPARE(cols(s, "current_year_earnings"), QString("16000.00 8000.00 5000.00"));
        QCOMPARE(cols(s, "prior_years_earnings"), QString("5000.00 5000.00 0.00"));
        QCOMPARE(cols(s.value("total_assets")), QString("23000.00 13000.00 5000.00"));
        QCOMPARE(cols(s.value("total_liabilities_equity")), QString("23000.00 13000.00 5000.00"));
        QCOMPARE(s.value("balanced").toBool(), true);

        // The ledger's balance sheet: the same balances, its current earnings the two rows.
        const QJsonObject l =
            f->get(QStringLiteral("/api/v1/ledger/entities/%1/balance-sheet?as_of=2026-10-31")
                       .arg(us))
                .json();
        QCOMPARE(l.value("current_earnings").toObject().value("amount").toString(),
                 QString("21000.00"));
        for (const QJsonValue &i : l.value("items").toArray()) {
            const QJsonObject item = i.toObject();
            const QString balance = item.value("balance").toObject().value("amount").toString();
            const QString number = item.value("number").toString();
            const QString mine =
                row(s, number).value("amounts").toObject().value("current").toString();
            QCOMPARE(mine, item.value("type").toString() == "asset"
                               ? balance
                               : Money::parse(balance, u"USD")->negated().toString());
        }

        // DE, in euros, with the intercompany receivable as it stands.
        const QJsonObject d =
            read(*login("grp"), url("balance_sheet", QString::number(de), "", "2026-10-31", ""));
        QCOMPARE(d.value("currency").toString(), QString("EUR"));
        QCOMPARE(cols(d, "1300"), QString("660.00"));
        QCOMPARE(cols(d, "current_year_earnings"), QString("1660.00"));
        QCOMPARE(d.value("balanced").toBool(), true);
    }

    void groupProfitAndLossEliminatesAndTies()
    {
        postTheYear();
        auto g = login("grp");
        const QJsonObject s = read(*g, url("profit_and_loss", "group", "2026-10-01", "2026-10-31"));
        QCOMPARE(s.value("scope").toString(), QString("group"));
        QVERIFY(s.value("legal_entity_id").isNull());
        QCOMPARE(s.value("currency").toString(), QString("USD"));
        // 10,000 + 1,000 EUR × 1.10 + 2,000 GBP × 1.25
        QCOMPARE(cols(s, "4000"), QString("13600.00 8000.00 5000.00"));
        QCOMPARE(row(s, "4000").value("accounts").toArray().size(), 3);
        QCOMPARE(cols(s, "5100"), QString("2000.00 0.00 0.00"));
        QVERIFY(row(s, "4100").isEmpty());
        QVERIFY(row(s, "5050").isEmpty());
        QVERIFY(row(s, "intercompany_difference").isEmpty());
        const QJsonArray elim = s.value("eliminations").toArray();
        QCOMPARE(elim.size(), 2);
        QCOMPARE(elim.at(0).toObject().value("number").toString(), QString("4100"));
        QCOMPARE(cols(elim.at(0).toObject().value("amounts")), QString("726.00 0.00 0.00"));
        QCOMPARE(elim.at(1).toObject().value("number").toString(), QString("5050"));
        QCOMPARE(cols(elim.at(1).toObject().value("amounts")), QString("726.00 0.00 0.00"));
        QCOMPARE(cols(s.value("net_income")), QString("11600.00 8000.00 5000.00"));

        // The entities' own net incomes translated at October's rates add up to the group's.
        qint64 sum = 0;
        for (const auto &[entity, rate] :
             QList<std::pair<qint64, const char *>>{{us, "1"}, {de, "1.10"}, {uk, "1.25"}}) {
            const QJsonObject e = read(
                *g, url("profit_and_loss", QString::number(entity), "2026-10-01", "2026-10-31"));
            const Money net =
                *Money::parse(e.value("net_income").toObject().value("current").toString(),
                              e.value("currency").toString());
            sum += net.convert(*Decimal::parse(QString::fromLatin1(rate)),
                               *Currency::fromCode(QStringLiteral("USD")))
                       ->minorUnits();
        }
        QCOMPARE(Money::fromMinor(sum, *Currency::fromCode(QStringLiteral("USD")))->toString(),
                 QString("11600.00"));
    }

    void groupProfitAndLossAtTheAverageRate()
    {
        postTheYear();
        // GBP rises mid-October: UK's P&L translates at the month's average, 1.275806.
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'USD', '2026-10-16', 1.30)");
        const QJsonObject s =
            read(*login("grp"), url("profit_and_loss", "group", "2026-10-01", "2026-10-31", ""));
        QCOMPARE(cols(s, "4000"), QString("13651.61")); // 2,000 GBP → 2,551.61
        QCOMPARE(cols(s.value("eliminations").toArray().at(1).toObject().value("amounts")),
                 QString("740.99")); // 580.80 GBP
        // Intercompany revenue (726.00) and cost (740.99) differ only by translation.
        QCOMPARE(cols(s, "intercompany_difference"), QString("-14.99"));
        // 8,000 + 1,826.00 + (2,551.61 − 740.99)
        QCOMPARE(cols(s.value("net_income")), QString("11636.62"));
    }

    void groupBalanceSheetBalancesWithTheTranslationReserve()
    {
        postTheYear();
        const QJsonObject s =
            read(*login("grp"), url("balance_sheet", "group", "", "2026-10-31", "previous_year"));
        QCOMPARE(cols(s, "1150"), QString("26600.00 5000.00"));
        QCOMPARE(cols(s, "2000"), QString("2000.00 0.00"));
        QVERIFY(row(s, "1300").isEmpty());
        QVERIFY(row(s, "2400").isEmpty());
        const QJsonArray elim = s.value("eliminations").toArray();
        QCOMPARE(elim.size(), 2);
        QCOMPARE(elim.at(0).toObject().value("number").toString(), QString("1300"));
        QCOMPARE(cols(elim.at(0).toObject().value("amounts")), QString("726.00 0.00"));
        QCOMPARE(elim.at(1).toObject().value("number").toString(), QString("2400"));
        QCOMPARE(cols(elim.at(1).toObject().value("amounts")), QString("726.00 0.00"));
        // Year-to-date EUR average: 59 days at 1.0834 and 245 at 1.10 → 1.096778, so DE's
        // 1,660.00 EUR of earnings are 1,820.65; UK's 1,419.20 GBP at 1.25 are 1,774.00.
        QCOMPARE(cols(s, "current_year_earnings"), QString("19594.65 5000.00"));
        QCOMPARE(cols(s, "prior_years_earnings"), QString("5000.00 0.00"));
        // DE's net assets at the closing 1.10 are 1,826.00: 5.35 more than its earnings.
        QCOMPARE(cols(s, "translation_reserve"), QString("5.35 0.00"));
        QCOMPARE(cols(s.value("total_assets")), QString("26600.00 5000.00"));
        QCOMPARE(cols(s.value("total_liabilities_equity")), QString("26600.00 5000.00"));
        QCOMPARE(s.value("balanced").toBool(), true);
    }

    void whoMayReadWhat()
    {
        postTheYear();
        auto f = login("fin");
        const QString october = QStringLiteral("&from=2026-10-01&to=2026-10-31");
        const auto status = [&](HttpClient &h, const QString &entity) {
            return h
                .get(QStringLiteral("/api/v1/close/statements?kind=profit_and_loss"
                                    "&legal_entity_id=") +
                     entity + october)
                .status;
        };
        QCOMPARE(status(*f, QString::number(us)), 200);
        QCOMPARE(status(*f, QString::number(uk)), 404); // another entity's books
        QCOMPARE(status(*f, QStringLiteral("999999")), 404);
        QCOMPARE(status(*f, QStringLiteral("group")), 403); // not every entity's finance
        auto ukfin = login("ukfin");
        QCOMPARE(status(*ukfin, QString::number(uk)), 200);
        QCOMPARE(status(*ukfin, QStringLiteral("group")), 403);
        auto amy = login("amy");
        QCOMPARE(status(*amy, QString::number(us)), 403);
        QCOMPARE(status(*login("grp"), QStringLiteral("group")), 200);
    }

    void badRequestsAre422()
    {
        auto g = login("grp");
        const auto codes = [&](const QString &query) {
            const HttpResult r = g->get(QStringLiteral("/api/v1/close/statements?") + query);
            return QStringLiteral("%1 %2").arg(r.status).arg(r.fieldCodes());
        };
        QCOMPARE(codes("kind=cash_flow&legal_entity_id=group&to=2026-10-31"),
                 QString("422 kind:invalid_value"));
        QCOMPARE(codes("legal_entity_id=group&to=2026-10-31"), QString("422 kind:required"));
        QCOMPARE(codes("kind=balance_sheet&to=2026-10-31"),
                 QString("422 legal_entity_id:required"));
        QCOMPARE(codes("kind=balance_sheet&legal_entity_id=us&to=2026-10-31"),
                 QString("422 legal_entity_id:invalid_value"));
        QCOMPARE(codes("kind=balance_sheet&legal_entity_id=group"), QString("422 to:required"));
        QCOMPARE(codes("kind=profit_and_loss&legal_entity_id=group&from=2026-13-01&to=2026-10-31"),
                 QString("422 from:invalid_value"));
        QCOMPARE(codes("kind=profit_and_loss&legal_entity_id=group&from=2026-10-01&to=31.10.2026"),
                 QString("422 to:invalid_value"));
        QCOMPARE(codes("kind=profit_and_loss&legal_entity_id=group&from=2026-11-01&to=2026-10-31"),
                 QString("422 to:before_start"));
        QCOMPARE(codes("kind=profit_and_loss&legal_entity_id=group&to=2026-10-31&compare=budget"),
                 QString("422 compare:invalid_value"));
        // A group statement needs every rate into the group currency.
        postTheYear();
        db::exec(db->sql(), "DELETE FROM fx_rates WHERE from_currency = 'GBP'");
        QCOMPARE(codes("kind=profit_and_loss&legal_entity_id=group&to=2026-10-31"),
                 QString("422 to:no_fx_rate"));
    }
};

QTEST_GUILESS_MAIN(StatementsTest)
#include "tst_statements.moc"
