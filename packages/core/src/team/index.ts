// Supervision: the team dashboard.
export { getTeamDashboard, type AgentLine, type TeamDashboard } from "./get-team-dashboard.ts";
