// Creditor portfolio figures.
export { AGE_BUCKETS, getPortfolioOverview, GetPortfolioOverviewInputSchema, type AgeBucket, type GetPortfolioOverviewInput, type PortfolioOverview } from "./get-portfolio-overview.ts";
