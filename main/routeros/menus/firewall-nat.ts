// /ip/firewall/nat and /interface/list/member: whether traffic from a tunnel subnet to the internet is
// masqueraded (a full-tunnel client has no internet otherwise), and whether the router has the default
// configuration's WAN interface list to masquerade out of. Rows are read whole by the router model.
export const NAT_PATH = '/ip/firewall/nat';
export const INTERFACE_LIST_MEMBER_PATH = '/interface/list/member';
