#include "http/http_types.h"
#include "keel_server.h"
#include "workflow/state_machine.h"
#include "workflow_test_doc.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace keel;

// Every state machine the server registers (plus the test-only wf_test_doc) must be well formed
// and fully tested: every transition goes between known states, every state is reachable from
// the initial one, and every transition has a test.
//
// Coverage, simply and honestly: a test that drives a transition states it with
// KEEL_COVERS_TRANSITION(<type>, <from>, <action>, observedState) (transition_coverage.h). The
// macro checks at run time, inside that test, that the transition exists and that the document
// really reached its target state, so a marker cannot silently go stale; this meta-test finds the
// markers in the test sources (tests/**/*.cpp) by their literal text. Static scanning keeps the
// check independent of which tests ran before this one (ctest runs them in parallel); the cost is
// that a marker in a test that is never built would still count, which review catches.
class StateMachinesTest : public QObject
{
    Q_OBJECT

    KeelServer m_server{ServerConfig{}};

    using Key = QString; // "type|from|action"
    static Key key(const QString &type, const QString &from, const QString &action)
    {
        return type + u'|' + from + u'|' + action;
    }

    static QSet<Key> coveredTransitions()
    {
        static const QRegularExpression marker(
            QStringLiteral("KEEL_COVERS_TRANSITION\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([^\"]+)\"\\s*,\\s*"
                           "\"([^\"]+)\"\\s*,"));
        QSet<Key> covered;
        QDirIterator it(QStringLiteral(KEEL_TESTS_SOURCE_DIR), {QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(f.readAll());
            for (auto m = marker.globalMatch(text); m.hasNext();) {
                const auto match = m.next();
                covered.insert(key(match.captured(1), match.captured(2), match.captured(3)));
            }
        }
        return covered;
    }

    // What is wrong with one machine, in words; empty when nothing.
    static QStringList problemsOf(const StateMachine &m, const QSet<Key> &covered)
    {
        QStringList problems;
        const QString t = m.documentType;
        if (t.isEmpty())
            problems << QStringLiteral("a machine without document type");
        if (QSet<QString>(m.states.begin(), m.states.end()).size() != m.states.size())
            problems << t + QStringLiteral(": a state is listed twice");
        if (!m.states.contains(m.initial))
            problems << t + QStringLiteral(": initial state \"%1\" is not a state").arg(m.initial);
        QSet<QString> seen;
        for (const auto &tr : m.transitions) {
            const QString name = QStringLiteral("%1 --%2--> %3").arg(tr.from, tr.action, tr.to);
            if (!m.states.contains(tr.from))
                problems << t + QStringLiteral(": %1 starts in an unknown state").arg(name);
            if (!m.states.contains(tr.to))
                problems << t + QStringLiteral(": %1 leads to an unknown state").arg(name);
            if (tr.action.isEmpty())
                problems << t + QStringLiteral(": %1 has no action").arg(name);
            if (seen.contains(tr.from + u'|' + tr.action))
                problems << t + QStringLiteral(": %1 is ambiguous").arg(name);
            seen.insert(tr.from + u'|' + tr.action);
            if (!covered.contains(key(t, tr.from, tr.action)))
                problems
                    << t + QStringLiteral(": %1 has no test (KEEL_COVERS_TRANSITION)").arg(name);
        }
        QSet<QString> reached{m.initial};
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto &tr : m.transitions)
                if (reached.contains(tr.from) && !reached.contains(tr.to)) {
                    reached.insert(tr.to);
                    grew = true;
                }
        }
        for (const QString &s : m.states)
            if (!reached.contains(s))
                problems << t + QStringLiteral(": state \"%1\" is unreachable from \"%2\"")
                                    .arg(s, m.initial);
        return problems;
    }

private Q_SLOTS:
    void initTestCase() { StateMachineRegistry::add(workflowTestDocMachine()); }

    void everyMachineIsWellFormedAndTested()
    {
        const QSet<Key> covered = coveredTransitions();
        const QList<StateMachine> machines = StateMachineRegistry::all();
        QVERIFY(!machines.isEmpty());
        QStringList problems;
        for (const StateMachine &m : machines)
            problems += problemsOf(m, covered);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void markersNameRegisteredTransitions()
    {
        // A marker for a machine or transition that no longer exists is a stale test.
        QStringList stale;
        for (const Key &k : coveredTransitions()) {
            const QStringList p = k.split(u'|');
            const auto m = StateMachineRegistry::get(p[0]);
            if (!m || !m->tryNext(p[1], p[2]))
                stale << k;
        }
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(u'\n')));
    }

    // The checks above can fail: a broken machine is reported for each of its faults.
    void brokenMachinesAreReported()
    {
        const StateMachine broken{
            QStringLiteral("broken"),
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
            QStringLiteral("a"),
            {{QStringLiteral("a"), QStringLiteral("go"), QStringLiteral("b")},
             {QStringLiteral("b"), QStringLiteral("fly"), QStringLiteral("zz")}}};
        const QSet<Key> covered{
            key(QStringLiteral("broken"), QStringLiteral("a"), QStringLiteral("go"))};
        const QStringList problems = problemsOf(broken, covered);
        QCOMPARE(problems,
                 (QStringList{
                     QStringLiteral("broken: b --fly--> zz leads to an unknown state"),
                     QStringLiteral("broken: b --fly--> zz has no test (KEEL_COVERS_TRANSITION)"),
                     QStringLiteral("broken: state \"c\" is unreachable from \"a\"")}));
        const StateMachine noInitial{
            QStringLiteral("x"), {QStringLiteral("a")}, QStringLiteral("q"), {}};
        QVERIFY(problemsOf(noInitial, {})
                    .contains(QStringLiteral("x: initial state \"q\" is not a state")));
    }

    void nextRefusesWhatTheMachineDoesNotAllow()
    {
        const StateMachine m = workflowTestDocMachine();
        QCOMPARE(m.next(QStringLiteral("draft"), QStringLiteral("submit")),
                 QStringLiteral("submitted"));
        try {
            m.next(QStringLiteral("approved"), QStringLiteral("submit"));
            QFAIL("approved --submit--> accepted");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 409);
            QVERIFY2(e.problem().detail.contains(QStringLiteral("approved")) &&
                         e.problem().detail.contains(QStringLiteral("submit")),
                     qPrintable(e.problem().detail));
        }
        // add() is idempotent per type: registering again replaces, never duplicates.
        const qsizetype n = StateMachineRegistry::all().size();
        StateMachineRegistry::add(m);
        KeelServer another{ServerConfig{}};
        QCOMPARE(StateMachineRegistry::all().size(), n);
    }
};

QTEST_GUILESS_MAIN(StateMachinesTest)
#include "tst_state_machines.moc"
