using System.Threading;
using System.Threading.Tasks;
using WebhookGen.IntegrationTests.Receivers.Styles;

namespace WebhookGen.IntegrationTests.Receivers.GitHub;

/// <summary>
/// GitHub's own description (<c>specs/github</c>, 261 webhooks) with the 58 events its example deliveries cover chosen:
/// every delivery to one URL, named by <c>X-GitHub-Event</c> and the body's <c>action</c>. Each handler records its call.
/// </summary>
[WebhookReceiver("github/api.github.com.json", Events = new[] { "branch_protection_rule", "check_run", "check_suite", "code_scanning_alert", "commit_comment", "create", "delete", "dependabot_alert", "deploy_key", "deployment", "deployment_review", "deployment_status", "discussion", "discussion_comment", "fork", "github_app_authorization", "gollum", "installation", "installation_repositories", "issue_comment", "issues", "label", "marketplace_purchase", "member", "membership", "merge_group", "meta", "milestone", "organization", "org_block", "package", "page_build", "ping", "project", "project_card", "project_column", "projects_v2_item", "public", "pull_request", "pull_request_review", "pull_request_review_comment", "pull_request_review_thread", "push", "release", "repository_dispatch", "repository", "repository_import", "repository_vulnerability_alert", "security_advisory", "sponsorship", "star", "status", "team", "team_add", "watch", "workflow_dispatch", "workflow_job", "workflow_run" })]
public partial class GitHubReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnBranchProtectionRuleCreatedAsync(WebhookBranchProtectionRuleCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnBranchProtectionRuleCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnBranchProtectionRuleDeletedAsync(WebhookBranchProtectionRuleDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnBranchProtectionRuleDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnBranchProtectionRuleEditedAsync(WebhookBranchProtectionRuleEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnBranchProtectionRuleEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckRunCompletedAsync(WebhookCheckRunCompleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckRunCompletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckRunCreatedAsync(WebhookCheckRunCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckRunCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckRunRequestedActionAsync(WebhookCheckRunRequestedAction payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckRunRequestedActionAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckRunRerequestedAsync(WebhookCheckRunRerequested payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckRunRerequestedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckSuiteCompletedAsync(WebhookCheckSuiteCompleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckSuiteCompletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckSuiteRequestedAsync(WebhookCheckSuiteRequested payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckSuiteRequestedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCheckSuiteRerequestedAsync(WebhookCheckSuiteRerequested payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCheckSuiteRerequestedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCodeScanningAlertAppearedInBranchAsync(WebhookCodeScanningAlertAppearedInBranch payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCodeScanningAlertAppearedInBranchAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCodeScanningAlertClosedByUserAsync(WebhookCodeScanningAlertClosedByUser payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCodeScanningAlertClosedByUserAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCodeScanningAlertCreatedAsync(WebhookCodeScanningAlertCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCodeScanningAlertCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCodeScanningAlertFixedAsync(WebhookCodeScanningAlertFixed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCodeScanningAlertFixedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCodeScanningAlertReopenedAsync(WebhookCodeScanningAlertReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCodeScanningAlertReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCodeScanningAlertReopenedByUserAsync(WebhookCodeScanningAlertReopenedByUser payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCodeScanningAlertReopenedByUserAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCommitCommentCreatedAsync(WebhookCommitCommentCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCommitCommentCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCreateAsync(WebhookCreate payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnCreateAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeleteAsync(WebhookDelete payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeleteAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertAutoDismissedAsync(WebhookDependabotAlertAutoDismissed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertAutoDismissedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertAutoReopenedAsync(WebhookDependabotAlertAutoReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertAutoReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertCreatedAsync(WebhookDependabotAlertCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertDismissedAsync(WebhookDependabotAlertDismissed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertDismissedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertFixedAsync(WebhookDependabotAlertFixed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertFixedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertReintroducedAsync(WebhookDependabotAlertReintroduced payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertReintroducedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDependabotAlertReopenedAsync(WebhookDependabotAlertReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDependabotAlertReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeployKeyCreatedAsync(WebhookDeployKeyCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeployKeyCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeployKeyDeletedAsync(WebhookDeployKeyDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeployKeyDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeploymentCreatedAsync(WebhookDeploymentCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeploymentCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeploymentReviewApprovedAsync(WebhookDeploymentReviewApproved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeploymentReviewApprovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeploymentReviewRejectedAsync(WebhookDeploymentReviewRejected payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeploymentReviewRejectedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeploymentReviewRequestedAsync(WebhookDeploymentReviewRequested payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeploymentReviewRequestedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeploymentStatusCreatedAsync(WebhookDeploymentStatusCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDeploymentStatusCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionAnsweredAsync(WebhookDiscussionAnswered payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionAnsweredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionCategoryChangedAsync(WebhookDiscussionCategoryChanged payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionCategoryChangedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionClosedAsync(WebhookDiscussionClosed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionClosedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionCommentCreatedAsync(WebhookDiscussionCommentCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionCommentCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionCommentDeletedAsync(WebhookDiscussionCommentDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionCommentDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionCommentEditedAsync(WebhookDiscussionCommentEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionCommentEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionCreatedAsync(WebhookDiscussionCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionDeletedAsync(WebhookDiscussionDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionEditedAsync(WebhookDiscussionEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionLabeledAsync(WebhookDiscussionLabeled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionLabeledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionLockedAsync(WebhookDiscussionLocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionLockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionPinnedAsync(WebhookDiscussionPinned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionPinnedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionReopenedAsync(WebhookDiscussionReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionTransferredAsync(WebhookDiscussionTransferred payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionTransferredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionUnansweredAsync(WebhookDiscussionUnanswered payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionUnansweredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionUnlabeledAsync(WebhookDiscussionUnlabeled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionUnlabeledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionUnlockedAsync(WebhookDiscussionUnlocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionUnlockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDiscussionUnpinnedAsync(WebhookDiscussionUnpinned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnDiscussionUnpinnedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnForkAsync(WebhookFork payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnForkAsync), payload, context);

    public partial ValueTask<WebhookResult> OnGithubAppAuthorizationRevokedAsync(WebhookGithubAppAuthorizationRevoked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnGithubAppAuthorizationRevokedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnGollumAsync(WebhookGollum payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnGollumAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationCreatedAsync(WebhookInstallationCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationDeletedAsync(WebhookInstallationDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationNewPermissionsAcceptedAsync(WebhookInstallationNewPermissionsAccepted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationNewPermissionsAcceptedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationRepositoriesAddedAsync(WebhookInstallationRepositoriesAdded payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationRepositoriesAddedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationRepositoriesRemovedAsync(WebhookInstallationRepositoriesRemoved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationRepositoriesRemovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationSuspendAsync(WebhookInstallationSuspend payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationSuspendAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInstallationUnsuspendAsync(WebhookInstallationUnsuspend payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInstallationUnsuspendAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssueCommentCreatedAsync(WebhookIssueCommentCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssueCommentCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssueCommentDeletedAsync(WebhookIssueCommentDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssueCommentDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssueCommentEditedAsync(WebhookIssueCommentEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssueCommentEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesAssignedAsync(WebhookIssuesAssigned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesAssignedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesClosedAsync(WebhookIssuesClosed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesClosedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesDeletedAsync(WebhookIssuesDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesDemilestonedAsync(WebhookIssuesDemilestoned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesDemilestonedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesEditedAsync(WebhookIssuesEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesLabeledAsync(WebhookIssuesLabeled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesLabeledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesLockedAsync(WebhookIssuesLocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesLockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesMilestonedAsync(WebhookIssuesMilestoned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesMilestonedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesOpenedAsync(WebhookIssuesOpened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesOpenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesPinnedAsync(WebhookIssuesPinned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesPinnedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesReopenedAsync(WebhookIssuesReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesTransferredAsync(WebhookIssuesTransferred payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesTransferredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesTypedAsync(WebhookIssuesTyped payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesTypedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesUnassignedAsync(WebhookIssuesUnassigned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesUnassignedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesUnlabeledAsync(WebhookIssuesUnlabeled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesUnlabeledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesUnlockedAsync(WebhookIssuesUnlocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesUnlockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesUnpinnedAsync(WebhookIssuesUnpinned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesUnpinnedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnIssuesUntypedAsync(WebhookIssuesUntyped payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnIssuesUntypedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnLabelCreatedAsync(WebhookLabelCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnLabelCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnLabelDeletedAsync(WebhookLabelDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnLabelDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnLabelEditedAsync(WebhookLabelEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnLabelEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMarketplacePurchaseCancelledAsync(WebhookMarketplacePurchaseCancelled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMarketplacePurchaseCancelledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMarketplacePurchaseChangedAsync(WebhookMarketplacePurchaseChanged payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMarketplacePurchaseChangedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMarketplacePurchasePendingChangeAsync(WebhookMarketplacePurchasePendingChange payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMarketplacePurchasePendingChangeAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMarketplacePurchasePendingChangeCancelledAsync(WebhookMarketplacePurchasePendingChangeCancelled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMarketplacePurchasePendingChangeCancelledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMarketplacePurchasePurchasedAsync(WebhookMarketplacePurchasePurchased payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMarketplacePurchasePurchasedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMemberAddedAsync(WebhookMemberAdded payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMemberAddedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMemberEditedAsync(WebhookMemberEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMemberEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMemberRemovedAsync(WebhookMemberRemoved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMemberRemovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMembershipAddedAsync(WebhookMembershipAdded payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMembershipAddedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMembershipRemovedAsync(WebhookMembershipRemoved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMembershipRemovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMergeGroupChecksRequestedAsync(WebhookMergeGroupChecksRequested payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMergeGroupChecksRequestedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMergeGroupDestroyedAsync(WebhookMergeGroupDestroyed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMergeGroupDestroyedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMetaDeletedAsync(WebhookMetaDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMetaDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMilestoneClosedAsync(WebhookMilestoneClosed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMilestoneClosedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMilestoneCreatedAsync(WebhookMilestoneCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMilestoneCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMilestoneDeletedAsync(WebhookMilestoneDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMilestoneDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMilestoneEditedAsync(WebhookMilestoneEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMilestoneEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMilestoneOpenedAsync(WebhookMilestoneOpened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnMilestoneOpenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrgBlockBlockedAsync(WebhookOrgBlockBlocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrgBlockBlockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrgBlockUnblockedAsync(WebhookOrgBlockUnblocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrgBlockUnblockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrganizationDeletedAsync(WebhookOrganizationDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrganizationDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrganizationMemberAddedAsync(WebhookOrganizationMemberAdded payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrganizationMemberAddedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrganizationMemberInvitedAsync(WebhookOrganizationMemberInvited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrganizationMemberInvitedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrganizationMemberRemovedAsync(WebhookOrganizationMemberRemoved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrganizationMemberRemovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrganizationRenamedAsync(WebhookOrganizationRenamed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnOrganizationRenamedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPackagePublishedAsync(WebhookPackagePublished payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPackagePublishedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPackageUpdatedAsync(WebhookPackageUpdated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPackageUpdatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPageBuildAsync(WebhookPageBuild payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPageBuildAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPingAsync(WebhookPing payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPingAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectCardConvertedAsync(WebhookProjectCardConverted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectCardConvertedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectCardCreatedAsync(WebhookProjectCardCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectCardCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectCardDeletedAsync(WebhookProjectCardDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectCardDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectCardEditedAsync(WebhookProjectCardEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectCardEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectCardMovedAsync(WebhookProjectCardMoved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectCardMovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectClosedAsync(WebhookProjectClosed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectClosedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectColumnCreatedAsync(WebhookProjectColumnCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectColumnCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectColumnDeletedAsync(WebhookProjectColumnDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectColumnDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectColumnEditedAsync(WebhookProjectColumnEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectColumnEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectColumnMovedAsync(WebhookProjectColumnMoved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectColumnMovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectCreatedAsync(WebhookProjectCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectDeletedAsync(WebhookProjectDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectEditedAsync(WebhookProjectEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectReopenedAsync(WebhookProjectReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemArchivedAsync(WebhookProjectsV2ItemArchived payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemArchivedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemConvertedAsync(WebhookProjectsV2ItemConverted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemConvertedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemCreatedAsync(WebhookProjectsV2ItemCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemDeletedAsync(WebhookProjectsV2ItemDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemEditedAsync(WebhookProjectsV2ItemEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemReorderedAsync(WebhookProjectsV2ItemReordered payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemReorderedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnProjectsV2ItemRestoredAsync(WebhookProjectsV2ItemRestored payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnProjectsV2ItemRestoredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPublicAsync(WebhookPublic payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPublicAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestAssignedAsync(WebhookPullRequestAssigned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestAssignedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestAutoMergeDisabledAsync(WebhookPullRequestAutoMergeDisabled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestAutoMergeDisabledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestAutoMergeEnabledAsync(WebhookPullRequestAutoMergeEnabled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestAutoMergeEnabledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestClosedAsync(WebhookPullRequestClosed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestClosedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestConvertedToDraftAsync(WebhookPullRequestConvertedToDraft payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestConvertedToDraftAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestDemilestonedAsync(WebhookPullRequestDemilestoned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestDemilestonedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestDequeuedAsync(WebhookPullRequestDequeued payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestDequeuedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestEditedAsync(WebhookPullRequestEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestEnqueuedAsync(WebhookPullRequestEnqueued payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestEnqueuedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestLabeledAsync(WebhookPullRequestLabeled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestLabeledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestLockedAsync(WebhookPullRequestLocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestLockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestMilestonedAsync(WebhookPullRequestMilestoned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestMilestonedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestOpenedAsync(WebhookPullRequestOpened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestOpenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReadyForReviewAsync(WebhookPullRequestReadyForReview payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReadyForReviewAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReopenedAsync(WebhookPullRequestReopened payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReopenedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewCommentCreatedAsync(WebhookPullRequestReviewCommentCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewCommentCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewCommentDeletedAsync(WebhookPullRequestReviewCommentDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewCommentDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewCommentEditedAsync(WebhookPullRequestReviewCommentEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewCommentEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewDismissedAsync(WebhookPullRequestReviewDismissed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewDismissedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewEditedAsync(WebhookPullRequestReviewEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewRequestRemovedAsync(global::System.Text.Json.JsonElement payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewRequestRemovedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewRequestedAsync(global::System.Text.Json.JsonElement payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewRequestedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewSubmittedAsync(WebhookPullRequestReviewSubmitted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewSubmittedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewThreadResolvedAsync(WebhookPullRequestReviewThreadResolved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewThreadResolvedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestReviewThreadUnresolvedAsync(WebhookPullRequestReviewThreadUnresolved payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestReviewThreadUnresolvedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestSynchronizeAsync(WebhookPullRequestSynchronize payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestSynchronizeAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestUnassignedAsync(WebhookPullRequestUnassigned payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestUnassignedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestUnlabeledAsync(WebhookPullRequestUnlabeled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestUnlabeledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPullRequestUnlockedAsync(WebhookPullRequestUnlocked payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPullRequestUnlockedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPushAsync(WebhookPush payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnPushAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleaseCreatedAsync(WebhookReleaseCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleaseCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleaseDeletedAsync(WebhookReleaseDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleaseDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleaseEditedAsync(WebhookReleaseEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleaseEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleasePrereleasedAsync(WebhookReleasePrereleased payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleasePrereleasedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleasePublishedAsync(WebhookReleasePublished payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleasePublishedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleaseReleasedAsync(WebhookReleaseReleased payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleaseReleasedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnReleaseUnpublishedAsync(WebhookReleaseUnpublished payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnReleaseUnpublishedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryArchivedAsync(WebhookRepositoryArchived payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryArchivedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryCreatedAsync(WebhookRepositoryCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryDeletedAsync(WebhookRepositoryDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryDispatchSampleCollectedAsync(WebhookRepositoryDispatchSample payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryDispatchSampleCollectedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryEditedAsync(WebhookRepositoryEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryImportAsync(WebhookRepositoryImport payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryImportAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryPrivatizedAsync(WebhookRepositoryPrivatized payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryPrivatizedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryPublicizedAsync(WebhookRepositoryPublicized payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryPublicizedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryRenamedAsync(WebhookRepositoryRenamed payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryRenamedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryTransferredAsync(WebhookRepositoryTransferred payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryTransferredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryUnarchivedAsync(WebhookRepositoryUnarchived payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryUnarchivedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryVulnerabilityAlertCreateAsync(WebhookRepositoryVulnerabilityAlertCreate payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryVulnerabilityAlertCreateAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryVulnerabilityAlertDismissAsync(WebhookRepositoryVulnerabilityAlertDismiss payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryVulnerabilityAlertDismissAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryVulnerabilityAlertReopenAsync(WebhookRepositoryVulnerabilityAlertReopen payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryVulnerabilityAlertReopenAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRepositoryVulnerabilityAlertResolveAsync(WebhookRepositoryVulnerabilityAlertResolve payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnRepositoryVulnerabilityAlertResolveAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSecurityAdvisoryPublishedAsync(WebhookSecurityAdvisoryPublished payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSecurityAdvisoryPublishedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSecurityAdvisoryUpdatedAsync(WebhookSecurityAdvisoryUpdated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSecurityAdvisoryUpdatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSecurityAdvisoryWithdrawnAsync(WebhookSecurityAdvisoryWithdrawn payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSecurityAdvisoryWithdrawnAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSponsorshipCancelledAsync(WebhookSponsorshipCancelled payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSponsorshipCancelledAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSponsorshipCreatedAsync(WebhookSponsorshipCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSponsorshipCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSponsorshipEditedAsync(WebhookSponsorshipEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSponsorshipEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSponsorshipPendingCancellationAsync(WebhookSponsorshipPendingCancellation payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSponsorshipPendingCancellationAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSponsorshipPendingTierChangeAsync(WebhookSponsorshipPendingTierChange payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSponsorshipPendingTierChangeAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSponsorshipTierChangedAsync(WebhookSponsorshipTierChanged payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnSponsorshipTierChangedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnStarCreatedAsync(WebhookStarCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnStarCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnStarDeletedAsync(WebhookStarDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnStarDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnStatusAsync(WebhookStatus payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnStatusAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTeamAddAsync(WebhookTeamAdd payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnTeamAddAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTeamAddedToRepositoryAsync(WebhookTeamAddedToRepository payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnTeamAddedToRepositoryAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTeamCreatedAsync(WebhookTeamCreated payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnTeamCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTeamDeletedAsync(WebhookTeamDeleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnTeamDeletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTeamEditedAsync(WebhookTeamEdited payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnTeamEditedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnTeamRemovedFromRepositoryAsync(WebhookTeamRemovedFromRepository payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnTeamRemovedFromRepositoryAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWatchStartedAsync(WebhookWatchStarted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWatchStartedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowDispatchAsync(WebhookWorkflowDispatch payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowDispatchAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowJobCompletedAsync(WebhookWorkflowJobCompleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobCompletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowJobInProgressAsync(WebhookWorkflowJobInProgress payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobInProgressAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowJobQueuedAsync(WebhookWorkflowJobQueued payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobQueuedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowJobWaitingAsync(WebhookWorkflowJobWaiting payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowJobWaitingAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowRunCompletedAsync(WebhookWorkflowRunCompleted payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowRunCompletedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowRunInProgressAsync(WebhookWorkflowRunInProgress payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowRunInProgressAsync), payload, context);

    public partial ValueTask<WebhookResult> OnWorkflowRunRequestedAsync(WebhookWorkflowRunRequested payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnWorkflowRunRequestedAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context) =>
        StyleRecording.Record(recorder, nameof(GitHubReceiver), handler, payload, context);
}
