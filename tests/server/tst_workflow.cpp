#include "db/database.h"
#include "decimal.h"
#include "http/http_types.h"
#include "http_client.h"
#include "test_database.h"
#include "test_server.h"
#include "transition_coverage.h"
#include "workflow/state_machine.h"
#include "workflow/workflow_service.h"
#include "workflow_test_doc.h"

#include <QAtomicInt>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace keel;
using namespace keel::test;

namespace {
// Set by a test to make the approval handler fail (it runs on a server worker thread).
QAtomicInt g_failApprovedHandler{0};
const QString kType = QStringLiteral("wf_test_doc");
} // namespace

// The workflow framework on a document type of its own (wf_test_docs, created here): policies as
// data, ordered approval chains, who may decide, the inbox, the handler in the deciding
// transaction, policy administration and the audit trail — through real HTTP where it is HTTP.
class WorkflowTest : public QObject
{
    Q_OBJECT

    std::optional<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    qint64 m_alice = 0, m_sam = 0, m_dan = 0, m_dora = 0, m_eve = 0, m_fin = 0;

    WorkflowService &workflow() { return m_server->server().workflow(); }

    int count(const QString &sql)
    {
        QSqlQuery q = db::exec(m_db->sql(), sql);
        q.next();
        return q.value(0).toInt();
    }
    QString value(const QString &sql)
    {
        QSqlQuery q = db::exec(m_db->sql(), sql);
        return q.next() ? q.value(0).toString() : QString();
    }

    void addPolicy(const QString &name, const QString &fact, const QString &op,
                   const QString &threshold, const QStringList &roles, int priority,
                   const QString &entity = {})
    {
        const bool isNumber = bool(Decimal::parse(threshold));
        db::query(
            m_db->sql(),
            QStringLiteral("INSERT INTO approval_policies (document_type, name, fact, operator, "
                           "threshold_value, threshold_fact, approver_roles, priority, "
                           "legal_entity_id) VALUES (?, ?, ?, ?, ?::numeric, ?, ?::text[], ?, "
                           "(SELECT id FROM legal_entities WHERE code = ?))"),
            {kType, name, fact, op,
             isNumber ? QVariant(threshold) : QVariant(QMetaType::fromType<QString>()),
             isNumber ? QVariant(QMetaType::fromType<QString>()) : QVariant(threshold),
             u'{' + roles.join(u',') + u'}', priority,
             entity.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(entity)});
    }

    QString docStatus(const QString &id)
    {
        return value(QStringLiteral("SELECT status FROM wf_test_docs WHERE id = '%1'").arg(id));
    }

    // What a context's service does on "submit": move the document with its state machine and
    // hand it to the workflow in the same transaction. Returns the approval request id (0: no
    // approval needed, the document is approved at once).
    qint64 submitDoc(const QString &id, qint64 submitter, const QJsonObject &facts,
                     const QString &entity = QStringLiteral("UK"))
    {
        QSqlDatabase d = m_db->sql();
        db::Transaction tx(d);
        QSqlQuery q = db::query(
            d, QStringLiteral("SELECT status FROM wf_test_docs WHERE id = ? FOR UPDATE"), {id});
        QString status = q.next() ? q.value(0).toString() : QString();
        if (status.isEmpty()) {
            db::query(d, QStringLiteral("INSERT INTO wf_test_docs (id) VALUES (?)"), {id});
            status = QStringLiteral("draft");
        }
        const StateMachine m = *StateMachineRegistry::get(kType);
        QString next = m.next(status, QStringLiteral("submit"));
        Request request;
        request.requestId = QStringLiteral("wf-test");
        Principal p;
        p.user.id = submitter;
        p.user.username = QStringLiteral("submitter");
        request.principal = p;
        const qint64 rid = workflow().submit(
            d, request, {kType, id, entity, {}, submitter, QStringLiteral("Doc ") + id, facts});
        if (rid == 0)
            next = m.next(next, QStringLiteral("approve"));
        db::query(d, QStringLiteral("UPDATE wf_test_docs SET status = ? WHERE id = ?"), {next, id});
        tx.commit();
        return rid;
    }

    std::unique_ptr<HttpClient> as(const QString &user)
    {
        auto c = std::make_unique<HttpClient>(m_server->baseUrl());
        const HttpResult r = c->login(user, QStringLiteral("password1"));
        if (r.status != 200)
            qFatal("login failed for %s", qPrintable(user));
        return c;
    }
    static QString path(qint64 id, const char *what = "")
    {
        return QStringLiteral("/api/v1/approvals/%1%2").arg(id).arg(QLatin1String(what));
    }
    static QStringList inboxIds(HttpClient &c)
    {
        QStringList ids;
        for (const QJsonValue &v :
             c.get(QStringLiteral("/api/v1/approvals/inbox")).json().value("items").toArray())
            ids.append(v.toObject().value("id").toString());
        return ids;
    }
    static int inboxCount(HttpClient &c)
    {
        const HttpResult r = c.get(QStringLiteral("/api/v1/approvals/inbox/count"));
        return r.status == 200 ? r.json().value("count").toInt() : -1;
    }

private Q_SLOTS:
    void init()
    {
        StateMachineRegistry::add(workflowTestDocMachine());
        g_failApprovedHandler = 0;
        m_db.emplace(TestDatabase::create(QTest::currentTestFunction()));
        seedLegalEntities(*m_db);
        db::exec(m_db->sql(),
                 QStringLiteral("CREATE TABLE wf_test_docs (id text PRIMARY KEY, status text NOT "
                                "NULL DEFAULT 'draft', approved_calls int NOT NULL DEFAULT 0, "
                                "rejected_calls int NOT NULL DEFAULT 0, reject_comment text)"));
        m_server = std::make_unique<TestServer>(*m_db);
        m_server->start();
        const QString pw = QStringLiteral("password1");
        m_server->createUser(QStringLiteral("root"), pw, {{QStringLiteral("admin"), QString()}});
        m_alice = m_server->createUser(QStringLiteral("alice"), pw, {{"sales", "UK"}});
        m_sam = m_server->createUser(QStringLiteral("sam"), pw, {{"sales_director", "UK"}});
        m_dan = m_server->createUser(QStringLiteral("dan"), pw, {{"sales_director", "UK"}});
        m_dora = m_server->createUser(QStringLiteral("dora"), pw, {{"sales_director", "DE"}},
                                      QStringLiteral("DE"));
        m_eve = m_server->createUser(QStringLiteral("eve"), pw, {{"executive", QString()}});
        m_fin = m_server->createUser(QStringLiteral("fin"), pw, {{"finance", "UK"}});

        ApprovalHandler h;
        h.approved = [](QSqlDatabase d, const Request &, const QString &id) {
            const StateMachine m = *StateMachineRegistry::get(kType);
            QSqlQuery q = db::query(
                d, QStringLiteral("SELECT status FROM wf_test_docs WHERE id = ? FOR UPDATE"), {id});
            q.next();
            const QString to = m.next(q.value(0).toString(), QStringLiteral("approve"));
            db::query(d,
                      QStringLiteral("UPDATE wf_test_docs SET status = ?, approved_calls = "
                                     "approved_calls + 1 WHERE id = ?"),
                      {to, id});
            if (g_failApprovedHandler.loadRelaxed())
                throw ApiError::conflict(QStringLiteral("The document cannot be approved now."));
        };
        h.rejected = [](QSqlDatabase d, const Request &, const QString &id,
                        const QString &comment) {
            const StateMachine m = *StateMachineRegistry::get(kType);
            QSqlQuery q = db::query(
                d, QStringLiteral("SELECT status FROM wf_test_docs WHERE id = ? FOR UPDATE"), {id});
            q.next();
            const QString to = m.next(q.value(0).toString(), QStringLiteral("reject"));
            db::query(d,
                      QStringLiteral("UPDATE wf_test_docs SET status = ?, rejected_calls = "
                                     "rejected_calls + 1, reject_comment = ? WHERE id = ?"),
                      {to, comment, id});
        };
        workflow().registerHandler(kType, h);
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    void noMatchingPolicyMeansNoApproval()
    {
        addPolicy(QStringLiteral("Big"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("100"), {"sales_director"}, 10);
        QCOMPARE(submitDoc(QStringLiteral("D1"), m_alice, {{"amount", "100.00"}}), 0);
        QCOMPARE(docStatus(QStringLiteral("D1")), QStringLiteral("approved"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM approval_requests")), 0);
        QVERIFY(!workflow().stateOf(m_db->sql(), kType, QStringLiteral("D1")).has_value());
        // A policy scoped to another entity does not apply either.
        addPolicy(QStringLiteral("DE only"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("0"), {"executive"}, 5, QStringLiteral("DE"));
        QCOMPARE(submitDoc(QStringLiteral("D2"), m_alice, {{"amount", "5"}}), 0);
        QVERIFY(submitDoc(QStringLiteral("D3"), m_alice, {{"amount", "5"}}, QStringLiteral("DE")) >
                0);
    }

    void chainIsTheUnionOfMatchingPoliciesByPriority()
    {
        addPolicy(QStringLiteral("Discount"), QStringLiteral("discount_pct"), QStringLiteral(">"),
                  QStringLiteral("10"), {"sales_director", "executive"}, 20);
        addPolicy(QStringLiteral("Below target"), QStringLiteral("margin_pct"), QStringLiteral("<"),
                  QStringLiteral("target_margin_pct"), {"finance", "sales_director"}, 10);
        addPolicy(QStringLiteral("Any amount"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("0"), {"executive"}, 30);
        ApprovalSubject s{kType, "X", "UK", {}, m_alice, "X", {}};
        s.facts = {{"discount_pct", "12.5"},
                   {"margin_pct", "18.2"},
                   {"target_margin_pct", "25"},
                   {"amount", "120000.00"}};
        QList<ApprovalStep> chain = workflow().requiredApprovals(m_db->sql(), s);
        QCOMPARE(chain.size(), 3);
        QCOMPARE(chain[0].role, QStringLiteral("finance"));
        QCOMPARE(chain[1].role, QStringLiteral("sales_director"));
        QCOMPARE(chain[2].role, QStringLiteral("executive"));
        QCOMPARE(chain[2].order, 3);
        QVERIFY2(chain[0].reason.contains(QStringLiteral("Below target")) &&
                     chain[0].reason.contains(QStringLiteral("target_margin_pct 25")),
                 qPrintable(chain[0].reason));
        QVERIFY(chain[1].reason.contains(QStringLiteral("Discount")));

        // Fact against fact: a margin equal to its target is not below it.
        s.facts[u"margin_pct"] = "25.000000";
        chain = workflow().requiredApprovals(m_db->sql(), s);
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain[0].role, QStringLiteral("sales_director"));
        QCOMPARE(chain[1].role, QStringLiteral("executive"));

        // A fact the policies need but the document did not give is an error, not "no approval".
        s.facts.remove("target_margin_pct");
        try {
            workflow().requiredApprovals(m_db->sql(), s);
            QFAIL("missing fact accepted");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 422);
        }
    }

    void decimalsCompareExactly()
    {
        addPolicy(QStringLiteral("Discount"), QStringLiteral("discount_pct"), QStringLiteral(">"),
                  QStringLiteral("10"), {"sales_director"}, 10);
        QCOMPARE(submitDoc(QStringLiteral("A"), m_alice, {{"discount_pct", "10"}}), 0);
        QCOMPARE(submitDoc(QStringLiteral("B"), m_alice, {{"discount_pct", "10.000000"}}), 0);
        QVERIFY(submitDoc(QStringLiteral("C"), m_alice, {{"discount_pct", "10.000001"}}) > 0);
        try {
            submitDoc(QStringLiteral("E"), m_alice, {{"discount_pct", "10.0000001"}});
            QFAIL("a fact with 7 decimal places was accepted");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 422);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM wf_test_docs WHERE id = 'E'")), 0);
    }

    void twoStepApprovalMovesThroughTheInbox()
    {
        addPolicy(QStringLiteral("Director"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("0"), {"sales_director"}, 10);
        addPolicy(QStringLiteral("Exec"), QStringLiteral("amount"), QStringLiteral(">="),
                  QStringLiteral("50000"), {"executive"}, 20);
        const qint64 id = submitDoc(QStringLiteral("D1"), m_alice, {{"amount", "50000.00"}});
        QVERIFY(id > 0);
        KEEL_COVERS_TRANSITION("wf_test_doc", "draft", "submit", docStatus("D1"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                      "'approval.submit' AND record_type = 'approval_request'")),
                 1);

        auto ap = as("alice"), dp = as("dan"), dop = as("dora"), ep = as("eve"), sp = as("sam");
        HttpClient &alice = *ap, &dan = *dp, &dora = *dop, &eve = *ep, &sam = *sp;
        const QString sid = QString::number(id);
        QCOMPARE(inboxIds(dan), QStringList{sid});
        QCOMPARE(inboxIds(sam), QStringList{sid});
        QCOMPARE(inboxCount(dan), 1);
        QCOMPARE(inboxIds(dora), QStringList()); // sales director, but for DE
        QCOMPARE(inboxIds(eve), QStringList());  // step 2 is not current yet
        QCOMPARE(inboxIds(alice), QStringList());
        const QJsonObject item =
            dan.get(QStringLiteral("/api/v1/approvals/inbox")).json()[u"items"][0].toObject();
        QCOMPARE(item[u"document_type"].toString(), kType);
        QCOMPARE(item[u"document_id"].toString(), QStringLiteral("D1"));
        QCOMPARE(item[u"title"].toString(), QStringLiteral("Doc D1"));
        QCOMPARE(item[u"step_role"].toString(), QStringLiteral("sales_director"));
        QCOMPARE(item[u"facts"].toObject()[u"amount"].toString(), QStringLiteral("50000.00"));
        QCOMPARE(item[u"submitter"].toObject()[u"id"].toString(), QString::number(m_alice));

        // Wrong role, other entity, out of turn: 403, and nothing changes.
        QCOMPARE(dora.post(path(id, "/approve"), {}).status, 403);
        QCOMPARE(eve.post(path(id, "/approve"), {}).status, 403);
        QCOMPARE(as("fin")->post(path(id, "/approve"), {}).status, 403);

        const HttpResult first = dan.post(path(id, "/approve"), {{"comment", "fine by me"}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()[u"status"].toString(), QStringLiteral("pending"));
        QCOMPARE(first.json()[u"current_step"].toInt(), 2);
        QCOMPARE(first.json()[u"current_role"].toString(), QStringLiteral("executive"));
        QCOMPARE(docStatus("D1"), QStringLiteral("submitted"));
        QCOMPARE(inboxIds(dan), QStringList());
        QCOMPARE(inboxCount(sam), 0);
        QCOMPARE(inboxIds(eve), QStringList{sid});
        QCOMPARE(dan.post(path(id, "/approve"), {}).status, 403); // step 2 needs an executive

        const HttpResult second = eve.post(path(id, "/approve"), {});
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json()[u"status"].toString(), QStringLiteral("approved"));
        QCOMPARE(second.json()[u"current_step"].toInt(), 0);
        const QJsonArray steps = second.json()[u"steps"].toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps[0][u"decision"][u"by"][u"id"].toString(), QString::number(m_dan));
        QCOMPARE(steps[0][u"decision"][u"comment"].toString(), QStringLiteral("fine by me"));
        QCOMPARE(steps[1][u"status"].toString(), QStringLiteral("approved"));
        KEEL_COVERS_TRANSITION("wf_test_doc", "submitted", "approve", docStatus("D1"));
        QCOMPARE(value("SELECT approved_calls FROM wf_test_docs WHERE id = 'D1'"),
                 QStringLiteral("1"));
        QCOMPARE(inboxCount(eve), 0);

        // Decided: a second decision is a conflict, and the handler is not called again.
        QCOMPARE(eve.post(path(id, "/approve"), {}).status, 409);
        QCOMPARE(sam.post(path(id, "/reject"), {{"comment", "too late"}}).status, 409);
        QCOMPARE(value("SELECT approved_calls FROM wf_test_docs WHERE id = 'D1'"),
                 QStringLiteral("1"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                      "'approval.approve' AND record_type = 'approval_request' "
                                      "AND record_id = '%1'")
                           .arg(id)),
                 2);
        const auto state = workflow().stateOf(m_db->sql(), kType, QStringLiteral("D1"));
        QVERIFY(state.has_value());
        QCOMPARE(state->status, QStringLiteral("approved"));
        QCOMPARE(state->steps.size(), 2);

        // Readable by the submitter; not by a user with no part in it.
        QCOMPARE(alice.get(path(id)).status, 200);
        QCOMPARE(dora.get(path(id)).status, 404);
        QCOMPARE(as("fin")->get(path(id)).status, 404);
    }

    void nobodyApprovesTheirOwnSubmission()
    {
        addPolicy(QStringLiteral("Director"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("0"), {"sales_director"}, 10);
        const qint64 id = submitDoc(QStringLiteral("S1"), m_sam, {{"amount", "10"}});
        auto samClient = as("sam");
        HttpClient &sam = *samClient;
        QCOMPARE(inboxIds(sam), QStringList()); // own submissions are not in the inbox
        const HttpResult own = sam.post(path(id, "/approve"), {});
        QCOMPARE(own.status, 403);
        QVERIFY2(own.json()[u"detail"].toString().contains(QStringLiteral("yourself")),
                 own.body.constData());
        QCOMPARE(sam.post(path(id, "/reject"), {{"comment", "no"}}).status, 403);
        QCOMPARE(
            value(QStringLiteral("SELECT status FROM approval_requests WHERE id = %1").arg(id)),
            QStringLiteral("pending"));
        QCOMPARE(inboxIds(*as("dan")), QStringList{QString::number(id)});
    }

    void rejectNeedsACommentAndEndsTheRequest()
    {
        addPolicy(QStringLiteral("Director"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("0"), {"sales_director", "executive"}, 10);
        const qint64 id = submitDoc(QStringLiteral("R1"), m_alice, {{"amount", "10"}});
        auto danClient = as("dan");
        HttpClient &dan = *danClient;
        const HttpResult noComment = dan.post(path(id, "/reject"), {});
        QCOMPARE(noComment.status, 422);
        QCOMPARE(noComment.fieldCodes(), QStringLiteral("comment:required"));
        QCOMPARE(dan.post(path(id, "/reject"), {{"comment", "   "}}).status, 422);
        QCOMPARE(docStatus("R1"), QStringLiteral("submitted"));

        const HttpResult rejected = dan.post(path(id, "/reject"), {{"comment", "Price too low"}});
        QCOMPARE(rejected.status, 200);
        QCOMPARE(rejected.json()[u"status"].toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.json()[u"steps"][0][u"status"].toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.json()[u"steps"][1][u"status"].toString(), QStringLiteral("skipped"));
        KEEL_COVERS_TRANSITION("wf_test_doc", "submitted", "reject", docStatus("R1"));
        QCOMPARE(value("SELECT rejected_calls || ':' || reject_comment FROM wf_test_docs"),
                 QStringLiteral("1:Price too low"));
        QCOMPARE(inboxCount(*as("eve")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                      "'approval.reject' AND record_id = '%1' AND "
                                      "after->>'comment' = 'Price too low'")
                           .arg(id)),
                 1);

        // Revised and submitted again: a new request, the old one stays as it was.
        {
            const StateMachine m = *StateMachineRegistry::get(kType);
            db::query(m_db->sql(), QStringLiteral("UPDATE wf_test_docs SET status = ?"),
                      {m.next(docStatus("R1"), QStringLiteral("revise"))});
        }
        KEEL_COVERS_TRANSITION("wf_test_doc", "rejected", "revise", docStatus("R1"));
        const qint64 again = submitDoc(QStringLiteral("R1"), m_alice, {{"amount", "10"}});
        QVERIFY(again > id);
        QCOMPARE(workflow().stateOf(m_db->sql(), kType, QStringLiteral("R1"))->status,
                 QStringLiteral("pending"));
        // A document already waiting cannot be submitted twice.
        db::Transaction tx(m_db->sql());
        try {
            Request r;
            workflow().submit(m_db->sql(), r,
                              {kType, "R1", "UK", {}, m_alice, "R1", {{"amount", "10"}}});
            QFAIL("second pending request accepted");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 409);
        }
    }

    void failingHandlerKeepsNothingOfTheDecision()
    {
        addPolicy(QStringLiteral("Director"), QStringLiteral("amount"), QStringLiteral(">"),
                  QStringLiteral("0"), {"sales_director"}, 10);
        const qint64 id = submitDoc(QStringLiteral("F1"), m_alice, {{"amount", "10"}});
        auto danClient = as("dan");
        HttpClient &dan = *danClient;
        const int auditBefore = count(QStringLiteral("SELECT count(*) FROM audit_log"));
        g_failApprovedHandler = 1;
        QCOMPARE(dan.post(path(id, "/approve"), {}).status, 409);
        QCOMPARE(value(QStringLiteral("SELECT status || ':' || current_step FROM "
                                      "approval_requests WHERE id = %1")
                           .arg(id)),
                 QStringLiteral("pending:1"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM approval_steps WHERE decided_by IS "
                                      "NOT NULL")),
                 0);
        QCOMPARE(value("SELECT status || ':' || approved_calls FROM wf_test_docs"),
                 QStringLiteral("submitted:0"));
        // Only the submission is in the audit log; the failed decision left nothing.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE "
                                      "'approval.%'")),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);

        g_failApprovedHandler = 0;
        QCOMPARE(dan.post(path(id, "/approve"), {}).status, 200);
        QCOMPARE(value("SELECT status || ':' || approved_calls FROM wf_test_docs"),
                 QStringLiteral("approved:1"));
    }

    void adminManagesPolicies()
    {
        auto rootClient = as("root");
        HttpClient &root = *rootClient;
        const QString base = QStringLiteral("/api/v1/admin/approval-policies");
        QJsonObject policy{{"document_type", "wf_test_doc"},
                           {"name", "Margin below target"},
                           {"condition", QJsonObject{{"fact", "margin_pct"},
                                                     {"operator", "<"},
                                                     {"threshold", "target_margin_pct"}}},
                           {"approver_roles", QJsonArray{"sales_director", "executive"}},
                           {"legal_entity", "UK"},
                           {"priority", 5}};
        const HttpResult created = root.post(base, policy);
        QCOMPARE(created.status, 201);
        const QString id = created.json()[u"id"].toString();
        QCOMPARE(created.json()[u"condition"][u"threshold_kind"].toString(),
                 QStringLiteral("fact"));
        QCOMPARE(created.json()[u"version"].toInt(), 1);
        QCOMPARE(created.json()[u"same_practice"].toBool(true), false); // default
        {
            // same_practice round-trips through the admin routes and reaches the chain's steps.
            QJsonObject sp = policy;
            sp.insert("name", "Same practice");
            sp.insert("same_practice", true);
            const HttpResult r = root.post(base, sp);
            QCOMPARE(r.status, 201);
            QCOMPARE(r.json()[u"same_practice"].toBool(), true);
            const QList<ApprovalStep> steps = workflow().requiredApprovals(
                m_db->sql(), {kType,
                              "P",
                              "UK",
                              {},
                              m_alice,
                              "P",
                              {{"margin_pct", "20"}, {"target_margin_pct", "25"}}});
            QCOMPARE(steps.size(), 2);
            QVERIFY(steps[0].samePractice && steps[1].samePractice);
            const QString spId = r.json()[u"id"].toString();
            QJsonObject off = sp;
            off.insert("same_practice", false);
            off.insert("version", 1);
            const HttpResult u = root.send("PUT", base + u'/' + spId, QJsonDocument(off).toJson());
            QCOMPARE(u.status, 200);
            QCOMPARE(u.json()[u"same_practice"].toBool(true), false);
            QCOMPARE(root.send("DELETE", base + u'/' + spId, {}).status, 204);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                      "'approval_policy.create' AND record_id = '%1'")
                           .arg(id)),
                 1);
        // It takes effect for the next submission.
        QCOMPARE(workflow()
                     .requiredApprovals(m_db->sql(),
                                        {kType,
                                         "P",
                                         "UK",
                                         {},
                                         m_alice,
                                         "P",
                                         {{"margin_pct", "20"}, {"target_margin_pct", "25"}}})
                     .size(),
                 2);

        const HttpResult list = root.get(base + QStringLiteral("?document_type=wf_test_doc"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json()[u"items"].toArray().size(), 1);
        QCOMPARE(root.get(base + QStringLiteral("?document_type=quote"))
                     .json()[u"items"]
                     .toArray()
                     .size(),
                 3);

        QJsonObject bad = policy;
        bad[u"condition"] = QJsonObject{{"fact", ""}, {"operator", "=="}, {"threshold", "1,5"}};
        bad[u"approver_roles"] = QJsonArray{"pope"};
        bad[u"document_type"] = "no_such_doc";
        const HttpResult invalid = root.post(base, bad);
        QCOMPARE(invalid.status, 422);
        QCOMPARE(
            invalid.fieldCodes(),
            QStringLiteral("document_type:unknown,condition/fact:required,"
                           "condition/operator:invalid_value,condition/threshold:invalid_value,"
                           "approver_roles/0:unknown"));
        bad = policy;
        bad[u"approver_roles"] = QJsonArray{};
        QCOMPARE(root.post(base, bad).fieldCodes(), QStringLiteral("approver_roles:required"));

        QJsonObject update = policy;
        update[u"condition"] =
            QJsonObject{{"fact", "margin_pct"}, {"operator", "<="}, {"threshold", "15.5"}};
        update[u"version"] = 1;
        const HttpResult updated =
            root.send("PUT", base + u'/' + id, QJsonDocument(update).toJson());
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json()[u"version"].toInt(), 2);
        QCOMPARE(updated.json()[u"condition"][u"threshold"].toString(), QStringLiteral("15.5"));
        QCOMPARE(root.send("PUT", base + u'/' + id, QJsonDocument(update).toJson()).status, 412);
        update[u"version"] = 2;
        update[u"condition"] =
            QJsonObject{{"fact", "margin_pct"}, {"operator", "<"}, {"threshold", "x y"}};
        const HttpResult badUpdate =
            root.send("PUT", base + u'/' + id, QJsonDocument(update).toJson());
        QCOMPARE(badUpdate.status, 422);
        QCOMPARE(badUpdate.fieldCodes(), QStringLiteral("condition/threshold:invalid_value"));

        QCOMPARE(as("dan")->get(base).status, 403);
        QCOMPARE(as("dan")->post(base, policy).status, 403);

        QCOMPARE(root.send("DELETE", base + u'/' + id, {}).status, 204);
        QCOMPARE(root.send("DELETE", base + u'/' + id, {}).status, 404);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM approval_policies WHERE document_type "
                                      "= 'wf_test_doc'")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE record_type = "
                                      "'approval_policy' AND record_id = '%1'")
                           .arg(id)),
                 3);
    }

    void demoPoliciesForQuotesAndChangeOrders()
    {
        auto chain = [&](const QString &type, const QJsonObject &facts) {
            QStringList roles;
            for (const ApprovalStep &s : workflow().requiredApprovals(
                     m_db->sql(), {type, "1", "US", {}, m_alice, "t", facts}))
                roles.append(s.role);
            return roles;
        };
        const QString q = QStringLiteral("quote");
        QCOMPARE(
            chain(q, {{"discount_pct", "10"}, {"margin_pct", "30"}, {"target_margin_pct", "25"}}),
            QStringList());
        QCOMPARE(
            chain(q,
                  {{"discount_pct", "12.5"}, {"margin_pct", "18.2"}, {"target_margin_pct", "25"}}),
            QStringList{"sales_director"});
        QCOMPARE(
            chain(q, {{"discount_pct", "0"}, {"margin_pct", "14.99"}, {"target_margin_pct", "10"}}),
            (QStringList{"executive"}));
        QCOMPARE(
            chain(q, {{"discount_pct", "20"}, {"margin_pct", "12"}, {"target_margin_pct", "25"}}),
            (QStringList{"sales_director", "executive"}));
        const QString co = QStringLiteral("contract_change_order");
        QCOMPARE(chain(co, {{"amount", "0.00"}}), QStringList());
        QCOMPARE(chain(co, {{"amount", "49999.99"}}), QStringList{"sales_director"});
        QCOMPARE(chain(co, {{"amount", "50000.00"}}), (QStringList{"sales_director", "executive"}));
    }
};

QTEST_GUILESS_MAIN(WorkflowTest)
#include "tst_workflow.moc"
