#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace keel {
class Session;
namespace sales {
class ListPanel;
}
} // namespace keel

namespace keel::delivery {

class ProjectWorkspace;

// The Delivery workspace: the project list (lazy, filtered by the server) on the left, the
// selected project's workspace on the right.
class DeliveryPage : public QWidget
{
    Q_OBJECT
public:
    explicit DeliveryPage(Session *session, QWidget *parent = nullptr);

    sales::ListPanel *projects() const { return m_projects; }
    ProjectWorkspace *workspace() const { return m_workspace; }
    void openProject(const QString &id);

protected:
    void showEvent(QShowEvent *event) override;

private:
    Session *m_session;
    QLabel *m_title;
    QComboBox *m_status;
    sales::ListPanel *m_projects;
    ProjectWorkspace *m_workspace;
    bool m_loaded = false;
};

} // namespace keel::delivery
