/**
 * The demo school's staff: the same people as examples/staff.csv (a test keeps the two equal),
 * imported through the staff import like any school's roster. Kept here because a built image
 * ships src, not examples.
 */
export const DEMO_STAFF_CSV = `Name,E-mail,Role,Department,Line manager e-mail,Pathway,School
Alex Morgan,alex.morgan@riverside.example,CPD lead; Facilitator,Leadership,,Leadership,Riverside Academy
Rachel Green,rachel.green@riverside.example,Line manager,Leadership,,Leadership,Riverside Academy
Sam Patel,sam.patel@riverside.example,Head of department,Science,rachel.green@riverside.example,Developing excellence,Riverside Academy
Laura Kim,laura.kim@riverside.example,Head of department,English,rachel.green@riverside.example,Developing excellence,Riverside Academy
Dan Hughes,dan.hughes@riverside.example,Head of department,Mathematics,rachel.green@riverside.example,Developing excellence,Riverside Academy
Jo Adeyemi,jo.adeyemi@riverside.example,Teacher,Science,sam.patel@riverside.example,ECT,Riverside Academy
Priya Shah,priya.shah@riverside.example,Teacher,Science,sam.patel@riverside.example,Developing teacher,Riverside Academy
Tom Walsh,tom.walsh@riverside.example,Teacher,Science,sam.patel@riverside.example,Developing excellence,Riverside Academy
Ellie Brooks,ellie.brooks@riverside.example,Teacher,Science,sam.patel@riverside.example,Developing teacher,Riverside Academy
Ben Carter,ben.carter@riverside.example,Teacher,English,laura.kim@riverside.example,ECT,Riverside Academy
Hannah Okafor,hannah.okafor@riverside.example,Teacher,English,laura.kim@riverside.example,Developing excellence,Riverside Academy
Mohammed Ali,mohammed.ali@riverside.example,Teacher,English,laura.kim@riverside.example,Developing teacher,Riverside Academy
Grace O'Neill,grace.oneill@riverside.example,Teacher,Mathematics,dan.hughes@riverside.example,ECT,Riverside Academy
Oliver Price,oliver.price@riverside.example,Teacher,Mathematics,dan.hughes@riverside.example,Developing teacher,Riverside Academy
Chloe Evans,chloe.evans@riverside.example,Teaching assistant,Mathematics,dan.hughes@riverside.example,Support staff,Riverside Academy
Lucy Turner,lucy.turner@riverside.example,Teaching assistant,Science,sam.patel@riverside.example,Support staff,Riverside Academy
`;

export const DEMO_LEAD_EMAIL = 'alex.morgan@riverside.example';
