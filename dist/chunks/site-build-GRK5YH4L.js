import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);
import{a as Z,b as G,c as _}from"./chunk-KMYMN72V.js";import{d as ct}from"./chunk-FO525OYY.js";import{b as Dt,c as W,d as dt,e as lt,f as ht}from"./chunk-CGA7PFT2.js";import{a as q,b as $t,c as xt,d as X,e as Ot,f as Nt,g as Lt,i as Mt}from"./chunk-QR3C4654.js";import"./chunk-EGPR2FKW.js";import{a as kt}from"./chunk-RWCPWGKE.js";import{b as It}from"./chunk-UCNZ3377.js";import{b as Rt}from"./chunk-X6GA5XML.js";import"./chunk-DU6VFI6L.js";import"./chunk-7IUTSORU.js";import"./chunk-XKEZITSN.js";import{G as Ct,w as At,y as E}from"./chunk-BNBEKJVI.js";import"./chunk-TCGERW5X.js";var ie=(function(t){return t.DAILY="DAILY",t.HOURLY="HOURLY",t.MINUTELY="MINUTELY",t.MONTHLY="MONTHLY",t.SECONDLY="SECONDLY",t.WEEKLY="WEEKLY",t.YEARLY="YEARLY",t})({}),ze=(function(t){return t.AUTOMATIC="AUTOMATIC",t.DISABLED="DISABLED",t.ENABLED="ENABLED",t})({}),je=(function(t){return t.BICYCLE="BICYCLE",t.CAR="CAR",t.TRANSIT="TRANSIT",t.WALKING="WALKING",t})({}),Ut=(function(t){return t.FR="FR",t.MO="MO",t.SA="SA",t.SU="SU",t.TH="TH",t.TU="TU",t.WE="WE",t})({});function b(t,e,r){if(Array.isArray(e))t.x=e.map(i=>{if(Array.isArray(i))return i;if(typeof i.key!="string"||typeof i.value!="string")throw Error("Either key or value is not a string!");if(i.key.substr(0,2)!=="X-")throw Error("Key has to start with `X-`!");return[i.key,i.value]});else if(typeof e=="object")t.x=Object.entries(e).map(([i,a])=>{if(typeof i!="string"||typeof a!="string")throw Error("Either key or value is not a string!");if(i.substr(0,2)!=="X-")throw Error("Key has to start with `X-`!");return[i,a]});else if(typeof e=="string"&&typeof r=="string"){if(e.substr(0,2)!=="X-")throw Error("Key has to start with `X-`!");t.x.push([e,r])}else return t.x.map(i=>({key:i[0],value:i[1]}))}function R(t,e){if(t instanceof Date&&isNaN(t.getTime())||typeof t=="string"&&isNaN(new Date(t).getTime()))throw Error(`\`${e}\` has to be a valid date!`);if(t instanceof Date||typeof t=="string"||typeof t=="object"&&t&&(k(t)||L(t)||H(t)||et(t))||K(t)&&t.isValid===!0||(Q(t)||oe(t))&&t.isValid())return t;throw Error(`\`${e}\` has to be a valid date!`)}function v(t,e){let r=Object.values(t),i=String(e).toUpperCase();if(!i||!r.includes(i))throw Error(`Input must be one of the following: ${r.join(", ")}`);return i}function j(t,e){let r=null;if(typeof e=="string"){let i=e.match(/^(.+) ?<([^>]+)>$/);i?r={email:i[2].trim(),name:i[1].trim()}:e.includes("@")&&(r={email:e.trim(),name:e.trim()})}else typeof e=="object"&&(r={email:e.email,mailto:e.mailto,name:e.name,sentBy:e.sentBy});if(!r&&typeof e=="string")throw Error("`"+t+"` isn't formated correctly. See https://sebbo2002.github.io/ical-generator/develop/reference/interfaces/ICalOrganizer.html");if(!r)throw Error("`"+t+"` needs to be a valid formed string or an object. See https://sebbo2002.github.io/ical-generator/develop/reference/interfaces/ICalOrganizer.html");if(!r.name)throw Error("`"+t+".name` is empty!");if(!r.email)throw Error("`"+t+".email` is empty!");return r}function c(t,e){return String(t).replace(e?/[\\"]/g:/[\\;,]/g,function(r){return"\\"+r}).replace(/(?:\r\n|\r|\n)/g,"\\n")}function ne(t){return t.split(`\r
`).map(function(e){let r="",i=0;for(let a=0;a<e.length;a++){let n=e.charAt(a);n>="\uD800"&&n<="\uDBFF"&&(n+=e.charAt(++a));let o=new TextEncoder().encode(n).length;i+=o,i>74&&(r+=`\r
 `,i=o),r+=n}return r}).join(`\r
`)}function y(t,e,r,i){if(t?.startsWith("/")&&(t=t.substr(1)),typeof e=="string"||e instanceof Date){let a=de(e)?e.withTimeZone(t):new Date(e),n=a.getUTCFullYear().toString().padStart(4,"0")+String(a.getUTCMonth()+1).padStart(2,"0")+a.getUTCDate().toString().padStart(2,"0");return t&&(n=a.getFullYear().toString().padStart(2,"0")+String(a.getMonth()+1).padStart(2,"0")+a.getDate().toString().padStart(2,"0")),r?n:t?(n+="T"+a.getHours().toString().padStart(2,"0")+a.getMinutes().toString().padStart(2,"0")+a.getSeconds().toString().padStart(2,"0"),n):(n+="T"+a.getUTCHours().toString().padStart(2,"0")+a.getUTCMinutes().toString().padStart(2,"0")+a.getUTCSeconds().toString().padStart(2,"0")+(i?"":"Z"),n)}else if(Q(e)){let a=t?Ft(e)&&!e.tz()?e.clone().tz(t):e:i||r&&Ft(e)&&e.tz()?e:e.utc();return a.format("YYYYMMDD")+(r?"":"T"+a.format("HHmmss")+(i||t?"":"Z"))}else if(K(e)){let a=t?e.setZone(t):i||r&&e.zone.type!=="system"?e:e.setZone("utc");return a.toFormat("yyyyLLdd")+(r?"":"T"+a.toFormat("HHmmss")+(i||t?"":"Z"))}else if(k(e)){let a=e;return t&&(a=e.withTimeZone(e.timeZoneId)),!t&&e.timeZoneId!=="UTC"&&(a=e.withTimeZone("UTC")),y(null,a.toPlainDateTime(),r,i||!!t)}else if(L(e)){if(r)return e.year.toString().padStart(4,"0")+e.month.toString().padStart(2,"0")+e.day.toString().padStart(2,"0");if(t){let a=e.toZonedDateTime(t);return y(t,a,r,i)}return e.year.toString().padStart(4,"0")+e.month.toString().padStart(2,"0")+e.day.toString().padStart(2,"0")+"T"+e.hour.toString().padStart(2,"0")+e.minute.toString().padStart(2,"0")+e.second.toString().padStart(2,"0")+(i||t?"":"Z")}else{if(H(e))return e.year.toString().padStart(4,"0")+e.month.toString().padStart(2,"0")+e.day.toString().padStart(2,"0")+(r?"":"T000000"+(i||t?"":"Z"));if(et(e)){let a=t||"UTC",n=e.toZonedDateTimeISO(a);return y(t,n,r,i)}else{let a=e;if(t)a=typeof e.tz=="function"?e.tz(t):e;else if(!i)if(typeof e.utc=="function")a=e.utc();else throw Error("Unable to convert dayjs object to UTC value: UTC plugin is not available!");return a.format("YYYYMMDD")+(r?"":"T"+a.format("HHmmss")+(i||t?"":"Z"))}}}function ut(t,e,r,i){let a="",n=i?.floating||!1;return i?.timezone&&(a=";TZID="+i.timezone,n=!0),e+a+":"+y(t,r,!1,n)}function ft(t){let e=t.x.map(([r,i])=>r.toUpperCase()+":"+c(i,!1)).join(`\r
`);return e.length?e+`\r
`:""}function oe(t){return typeof t=="object"&&!!t&&!(t instanceof Date)&&!Q(t)&&!K(t)&&!tt(t)}function K(t){return typeof t=="object"&&!!t&&"toJSDate"in t&&typeof t.toJSDate=="function"&&!tt(t)}function Q(t){return t!=null&&t._isAMomentObject!=null&&!tt(t)}function se(t){return typeof t=="object"&&!!t&&"asSeconds"in t&&typeof t.asSeconds=="function"}function Ft(t){return Q(t)&&"tz"in t&&typeof t.tz=="function"}function pt(t){return typeof t=="object"&&!!t&&"between"in t&&typeof t.between=="function"&&typeof t.toString=="function"}function tt(t){return k(t)||L(t)||H(t)||et(t)}function et(t){return typeof t=="object"&&!!t&&!k(t)&&!L(t)&&!H(t)&&"toZonedDateTimeISO"in t&&typeof t.toZonedDateTimeISO=="function"&&!("year"in t)&&!("timeZoneId"in t)}function H(t){return typeof t=="object"&&!!t&&!k(t)&&!L(t)&&"toPlainDateTime"in t&&typeof t.toPlainDateTime=="function"&&"year"in t&&typeof t.year=="number"&&"month"in t&&typeof t.month=="number"&&"day"in t&&typeof t.day=="number"&&!("hour"in t)&&!("timeZoneId"in t)&&!("epochSeconds"in t)}function L(t){return typeof t=="object"&&!!t&&!k(t)&&"toZonedDateTime"in t&&typeof t.toZonedDateTime=="function"&&"toPlainDate"in t&&typeof t.toPlainDate=="function"&&"year"in t&&typeof t.year=="number"&&"month"in t&&typeof t.month=="number"&&"day"in t&&typeof t.day=="number"&&"hour"in t&&typeof t.hour=="number"&&"minute"in t&&typeof t.minute=="number"&&"second"in t&&typeof t.second=="number"&&!("timeZone"in t)}function k(t){return typeof t=="object"&&!!t&&"timeZoneId"in t&&typeof t.timeZoneId=="string"&&"toPlainDateTime"in t&&typeof t.toPlainDateTime=="function"&&"year"in t&&typeof t.year=="number"&&"month"in t&&typeof t.month=="number"&&"day"in t&&typeof t.day=="number"&&"hour"in t&&typeof t.hour=="number"&&"minute"in t&&typeof t.minute=="number"&&"second"in t&&typeof t.second=="number"}function de(t){return t instanceof Date&&"internal"in t&&t.internal instanceof Date&&"withTimeZone"in t&&typeof t.withTimeZone=="function"&&"tzComponents"in t&&typeof t.tzComponents=="function"}function Pt(t){if(typeof t=="string"||t instanceof Date)return new Date(t);if(k(t)){let e=t.toInstant();return new Date(e.epochMilliseconds)}return L(t)?new Date(Date.UTC(t.year,t.month-1,t.day,t.hour,t.minute,t.second)):H(t)?new Date(Date.UTC(t.year,t.month-1,t.day)):et(t)?new Date(t.epochMilliseconds):K(t)?t.toJSDate():t.toDate()}function x(t){let e="";return t<0&&(e="-",t*=-1),e+="P",t>=86400&&(e+=Math.floor(t/86400)+"D",t%=86400),!t&&e.length>1||(e+="T",t>=3600&&(e+=Math.floor(t/3600)+"H",t%=3600),t>=60&&(e+=Math.floor(t/60)+"M",t%=60),t>0?e+=t+"S":e.length<=2&&(e+="0S")),e}function w(t){return t?typeof t=="string"?t:k(t)?w(t.withTimeZone("UTC").toPlainDateTime()):(tt(t),t.toJSON()):null}var zt=(function(t){return t.CHAIR="CHAIR",t.NON="NON-PARTICIPANT",t.OPT="OPT-PARTICIPANT",t.REQ="REQ-PARTICIPANT",t})({}),le=(function(t){return t.CLIENT="CLIENT",t.NONE="NONE",t.SERVER="SERVER",t})({}),mt=(function(t){return t.ACCEPTED="ACCEPTED",t.DECLINED="DECLINED",t.DELEGATED="DELEGATED",t.NEEDSACTION="NEEDS-ACTION",t.TENTATIVE="TENTATIVE",t})({}),he=(function(t){return t.GROUP="GROUP",t.INDIVIDUAL="INDIVIDUAL",t.RESOURCE="RESOURCE",t.ROOM="ROOM",t.UNKNOWN="UNKNOWN",t})({}),J=class D{data;parent;constructor(e,r){if(this.data={delegatedFrom:null,delegatedTo:null,email:"",mailto:null,name:null,role:zt.REQ,rsvp:null,scheduleAgent:null,sentBy:null,status:null,type:null,x:[]},this.parent=r,!this.parent)throw Error("`event` option required!");if(!e.email)throw Error("No value for `email` in ICalAttendee given!");e.name!==void 0&&this.name(e.name),e.email!==void 0&&this.email(e.email),e.mailto!==void 0&&this.mailto(e.mailto),e.sentBy!==void 0&&this.sentBy(e.sentBy),e.status!==void 0&&this.status(e.status),e.role!==void 0&&this.role(e.role),e.rsvp!==void 0&&this.rsvp(e.rsvp),e.type!==void 0&&this.type(e.type),e.delegatedTo!==void 0&&this.delegatedTo(e.delegatedTo),e.delegatedFrom!==void 0&&this.delegatedFrom(e.delegatedFrom),e.delegatesTo&&this.delegatesTo(e.delegatesTo),e.delegatesFrom&&this.delegatesFrom(e.delegatesFrom),e.scheduleAgent!==void 0&&this.scheduleAgent(e.scheduleAgent),e.x!==void 0&&this.x(e.x)}delegatedFrom(e){return e===void 0?this.data.delegatedFrom:(e?typeof e=="string"?this.data.delegatedFrom=new D(j("delegatedFrom",e),this.parent):e instanceof D?this.data.delegatedFrom=e:this.data.delegatedFrom=new D(e,this.parent):this.data.delegatedFrom=null,this)}delegatedTo(e){return e===void 0?this.data.delegatedTo:e?(typeof e=="string"?this.data.delegatedTo=new D(j("delegatedTo",e),this.parent):e instanceof D?this.data.delegatedTo=e:this.data.delegatedTo=new D(e,this.parent),this.data.status=mt.DELEGATED,this):(this.data.delegatedTo=null,this.data.status===mt.DELEGATED&&(this.data.status=null),this)}delegatesFrom(e){let r=e instanceof D?e:this.parent.createAttendee(e);return this.delegatedFrom(r),r.delegatedTo(this),r}delegatesTo(e){let r=e instanceof D?e:this.parent.createAttendee(e);return this.delegatedTo(r),r.delegatedFrom(this),r}email(e){return e?(this.data.email=e,this):this.data.email}mailto(e){return e===void 0?this.data.mailto:(this.data.mailto=e||null,this)}name(e){return e===void 0?this.data.name:(this.data.name=e||null,this)}role(e){return e===void 0?this.data.role:(this.data.role=v(zt,e),this)}rsvp(e){return e===void 0?this.data.rsvp:e===null?(this.data.rsvp=null,this):(this.data.rsvp=!!e,this)}scheduleAgent(e){return e===void 0?this.data.scheduleAgent:e?typeof e=="string"&&e.toUpperCase().startsWith("X-")?(this.data.scheduleAgent=e,this):(this.data.scheduleAgent=v(le,e),this):(this.data.scheduleAgent=null,this)}sentBy(e){return e?(this.data.sentBy=e,this):this.data.sentBy}status(e){return e===void 0?this.data.status:e?(this.data.status=v(mt,e),this):(this.data.status=null,this)}toJSON(){return Object.assign({},this.data,{delegatedFrom:this.data.delegatedFrom?.email()||null,delegatedTo:this.data.delegatedTo?.email()||null,x:this.x()})}toString(){let e="ATTENDEE";if(!this.data.email)throw Error("No value for `email` in ICalAttendee given!");return e+=";ROLE="+this.data.role,this.data.type&&(e+=";CUTYPE="+this.data.type),this.data.status&&(e+=";PARTSTAT="+this.data.status),this.data.rsvp!==null&&(e+=";RSVP="+this.data.rsvp.toString().toUpperCase()),this.data.sentBy!==null&&(e+=';SENT-BY="mailto:'+this.data.sentBy+'"'),this.data.delegatedTo&&(e+=';DELEGATED-TO="'+this.data.delegatedTo.email()+'"'),this.data.delegatedFrom&&(e+=';DELEGATED-FROM="'+this.data.delegatedFrom.email()+'"'),this.data.name&&(e+=';CN="'+c(this.data.name,!0)+'"'),this.data.email&&this.data.mailto&&(e+=";EMAIL="+c(this.data.email,!1)),this.data.scheduleAgent&&(e+=";SCHEDULE-AGENT="+this.data.scheduleAgent),this.data.x.length&&(e+=";"+this.data.x.map(([r,i])=>r.toUpperCase()+"="+c(i,!1)).join(";")),e+=":MAILTO:"+c(this.data.mailto||this.data.email,!1)+`\r
`,e}type(e){return e===void 0?this.data.type:e?(this.data.type=v(he,e),this):(this.data.type=null,this)}x(e,r){if(e===void 0)return b(this.data);if(typeof e=="string"&&typeof r=="string")b(this.data,e,r);else if(typeof e=="object")b(this.data,e);else throw Error("Either key or value is not a string!");return this}},jt=(function(t){return t.audio="audio",t.display="display",t.email="email",t})({}),ce={end:"END",start:"START"},Ht=class{data;event;constructor(t,e){if(this.data={attach:null,attendees:[],description:null,interval:null,relatesTo:null,repeat:null,summary:null,trigger:-600,type:jt.display,x:[]},this.event=e,!e)throw Error("`event` option required!");t.type!==void 0&&this.type(t.type),"trigger"in t&&t.trigger!==void 0&&this.trigger(t.trigger),"triggerBefore"in t&&t.triggerBefore!==void 0&&this.triggerBefore(t.triggerBefore),"triggerAfter"in t&&t.triggerAfter!==void 0&&this.triggerAfter(t.triggerAfter),t.repeat&&this.repeat(t.repeat),t.attach!==void 0&&this.attach(t.attach),t.description!==void 0&&this.description(t.description),t.summary!==void 0&&this.summary(t.summary),t.attendees!==void 0&&this.attendees(t.attendees),t.x!==void 0&&this.x(t.x)}attach(t){if(t===void 0)return this.data.attach;if(!t)return this.data.attach=null,this;let e;if(typeof t=="string")e={mime:null,uri:t};else if(typeof t=="object")e={mime:t.mime||null,uri:t.uri};else throw Error("`attachment` needs to be a valid formed string or an object. See https://sebbo2002.github.io/ical-generator/develop/reference/classes/ICalAlarm.html#attach");if(!e.uri)throw Error("`attach.uri` is empty!");return this.data.attach={mime:e.mime,uri:e.uri},this}attendees(t){return t?(t.forEach(e=>this.createAttendee(e)),this):this.data.attendees}createAttendee(t){if(t instanceof J)return this.data.attendees.push(t),t;typeof t=="string"&&(t=j("data",t));let e=new J(t,this);return this.data.attendees.push(e),e}description(t){return t===void 0?this.data.description:t?(this.data.description=t,this):(this.data.description=null,this)}relatesTo(t){if(t===void 0)return this.data.relatesTo;if(!t)return this.data.relatesTo=null,this;if(!Object.values(ce).includes(t))throw Error("`relatesTo` is not correct, must be either `START` or `END`!");return this.data.relatesTo=t,this}repeat(t){if(t===void 0)return this.data.repeat;if(!t)return this.data.repeat=null,this;if(typeof t!="object")throw Error("`repeat` is not correct, must be an object!");if(typeof t.times!="number"||!isFinite(t.times))throw Error("`repeat.times` is not correct, must be numeric!");if(typeof t.interval!="number"||!isFinite(t.interval))throw Error("`repeat.interval` is not correct, must be numeric!");return this.data.repeat=t,this}summary(t){return t===void 0?this.data.summary:t?(this.data.summary=t,this):(this.data.summary=null,this)}toJSON(){let t=this.trigger();return Object.assign({},this.data,{trigger:typeof t=="number"?t:w(t),x:this.x()})}toString(){let t=`BEGIN:VALARM\r
`;if(t+="ACTION:"+this.data.type.toUpperCase()+`\r
`,typeof this.data.trigger=="number"&&this.data.relatesTo===null?this.data.trigger>0?t+="TRIGGER;RELATED=END:"+x(this.data.trigger)+`\r
`:t+="TRIGGER:"+x(this.data.trigger)+`\r
`:typeof this.data.trigger=="number"?t+="TRIGGER;RELATED="+this.data.relatesTo?.toUpperCase()+":"+x(this.data.trigger)+`\r
`:t+="TRIGGER;VALUE=DATE-TIME:"+y(this.event.timezone(),this.data.trigger)+`\r
`,this.data.repeat){if(!this.data.repeat.times)throw Error("No value for `repeat.times` in ICalAlarm given, but required for `interval`!");if(!this.data.repeat.interval)throw Error("No value for `repeat.interval` in ICalAlarm given, but required for `repeat`!");t+="REPEAT:"+this.data.repeat.times+`\r
`,t+="DURATION:"+x(this.data.repeat.interval)+`\r
`}return this.data.type==="audio"&&this.data.attach&&this.data.attach.mime?t+="ATTACH;FMTTYPE="+c(this.data.attach.mime,!1)+":"+c(this.data.attach.uri,!1)+`\r
`:this.data.type==="audio"&&this.data.attach?t+="ATTACH;VALUE=URI:"+c(this.data.attach.uri,!1)+`\r
`:this.data.type==="audio"&&(t+=`ATTACH;VALUE=URI:Basso\r
`),this.data.type!=="audio"&&this.data.description?t+="DESCRIPTION:"+c(this.data.description,!1)+`\r
`:this.data.type!=="audio"&&(t+="DESCRIPTION:"+c(this.event.summary(),!1)+`\r
`),this.data.type==="email"&&this.data.summary?t+="SUMMARY:"+c(this.data.summary,!1)+`\r
`:this.data.type==="email"&&(t+="SUMMARY:"+c(this.event.summary(),!1)+`\r
`),this.data.type==="email"&&this.data.attendees.forEach(e=>{t+=e.toString()}),t+=ft(this.data),t+=`END:VALARM\r
`,t}trigger(t){if(t===void 0&&typeof this.data.trigger=="number")return-1*this.data.trigger;if(t===void 0)return this.data.trigger;if(typeof t=="number"&&isFinite(t))this.data.trigger=-1*t;else{if(!t||typeof t=="number")throw Error("`trigger` is not correct, must be a finite number or a supported date!");this.data.trigger=R(t,"trigger")}return this}triggerAfter(t){return t===void 0?this.data.trigger:this.trigger(typeof t=="number"?-1*t:t)}triggerBefore(t){return t===void 0?this.trigger():this.trigger(t)}type(t){if(t===void 0)return this.data.type;if(!t||!Object.keys(jt).includes(t))throw Error("`type` is not correct, must be either `display` or `audio`!");return this.data.type=t,this}x(t,e){if(t===void 0)return b(this.data);if(typeof t=="string"&&typeof e=="string")b(this.data,t,e);else if(typeof t=="object")b(this.data,t);else throw Error("Either key or value is not a string!");return this}},Bt=class{data;constructor(t){if(this.data={name:""},!t.name)throw Error("No value for `name` in ICalCategory given!");this.name(t.name)}name(t){return t===void 0?this.data.name:(this.data.name=t,this)}toJSON(){return Object.assign({},this.data)}toString(){return c(this.data.name,!1)}},ue=(function(t){return t.BUSY="BUSY",t.FREE="FREE",t.OOF="OOF",t.TENTATIVE="TENTATIVE",t})({}),pe=(function(t){return t.CONFIDENTIAL="CONFIDENTIAL",t.PRIVATE="PRIVATE",t.PUBLIC="PUBLIC",t})({}),me=(function(t){return t.CANCELLED="CANCELLED",t.CONFIRMED="CONFIRMED",t.TENTATIVE="TENTATIVE",t})({}),fe=(function(t){return t.OPAQUE="OPAQUE",t.TRANSPARENT="TRANSPARENT",t})({}),Yt=class{calendar;data;constructor(t,e){if(this.data={alarms:[],allDay:!1,attachments:[],attendees:[],busystatus:null,categories:[],class:null,created:null,description:null,end:null,floating:!1,id:crypto.randomUUID(),lastModified:null,location:null,organizer:null,priority:null,recurrenceId:null,repeating:null,sequence:0,stamp:new Date,start:new Date,status:null,summary:"",timezone:null,transparency:null,travelTime:null,url:null,x:[]},this.calendar=e,!e)throw Error("`calendar` option required!");t.id&&this.id(t.id),t.sequence!==void 0&&this.sequence(t.sequence),t.start&&this.start(t.start),t.end!==void 0&&this.end(t.end),t.recurrenceId!==void 0&&this.recurrenceId(t.recurrenceId),t.timezone!==void 0&&this.timezone(t.timezone),t.stamp!==void 0&&this.stamp(t.stamp),t.allDay!==void 0&&this.allDay(t.allDay),t.floating!==void 0&&this.floating(t.floating),t.repeating!==void 0&&this.repeating(t.repeating),t.summary!==void 0&&this.summary(t.summary),t.location!==void 0&&this.location(t.location),t.description!==void 0&&this.description(t.description),t.organizer!==void 0&&this.organizer(t.organizer),t.attendees!==void 0&&this.attendees(t.attendees),t.alarms!==void 0&&this.alarms(t.alarms),t.categories!==void 0&&this.categories(t.categories),t.status!==void 0&&this.status(t.status),t.busystatus!==void 0&&this.busystatus(t.busystatus),t.priority!==void 0&&this.priority(t.priority),t.url!==void 0&&this.url(t.url),t.attachments!==void 0&&this.attachments(t.attachments),t.transparency!==void 0&&this.transparency(t.transparency),t.travelTime!==void 0&&this.travelTime(t.travelTime),t.created!==void 0&&this.created(t.created),t.lastModified!==void 0&&this.lastModified(t.lastModified),t.class!==void 0&&this.class(t.class),t.x!==void 0&&this.x(t.x)}alarms(t){return t?(t.forEach(e=>this.createAlarm(e)),this):this.data.alarms}allDay(t){return t===void 0?this.data.allDay:(this.data.allDay=!!t,this)}attachments(t){return t?(t.forEach(e=>this.createAttachment(e)),this):this.data.attachments}attendees(t){return t?(t.forEach(e=>this.createAttendee(e)),this):this.data.attendees}busystatus(t){return t===void 0?this.data.busystatus:t===null?(this.data.busystatus=null,this):(this.data.busystatus=v(ue,t),this)}categories(t){return t?(t.forEach(e=>this.createCategory(e)),this):this.data.categories}class(t){return t===void 0?this.data.class:t===null?(this.data.class=null,this):(this.data.class=v(pe,t),this)}createAlarm(t){let e=t instanceof Ht?t:new Ht(t,this);return this.data.alarms.push(e),e}createAttachment(t){return this.data.attachments.push(t),this}createAttendee(t){if(t instanceof J)return this.data.attendees.push(t),t;typeof t=="string"&&(t=j("data",t));let e=new J(t,this);return this.data.attendees.push(e),e}createCategory(t){let e=t instanceof Bt?t:new Bt(t);return this.data.categories.push(e),e}created(t){return t===void 0?this.data.created:t===null?(this.data.created=null,this):(this.data.created=R(t,"created"),this)}description(t){return t===void 0?this.data.description:t===null?(this.data.description=null,this):(typeof t=="string"?this.data.description={plain:t}:this.data.description=t,this)}end(t){return t===void 0?(this.swapStartAndEndIfRequired(),this.data.end):t===null?(this.data.end=null,this):(this.data.end=R(t,"end"),this)}floating(t){return t===void 0?this.data.floating:(this.data.floating=!!t,this.data.floating&&(this.data.timezone=null),this)}id(t){return t===void 0?this.data.id:(this.data.id=String(t),this)}lastModified(t){return t===void 0?this.data.lastModified:t===null?(this.data.lastModified=null,this):(this.data.lastModified=R(t,"lastModified"),this)}location(t){if(t===void 0)return this.data.location;if(typeof t=="string")return this.data.location={title:t},this;if(t&&("title"in t&&!t.title||t?.geo&&(typeof t.geo.lat!="number"||!isFinite(t.geo.lat)||typeof t.geo.lon!="number"||!isFinite(t.geo.lon))||!("title"in t)&&!t?.geo))throw Error("`location` isn't formatted correctly. See https://sebbo2002.github.io/ical-generator/develop/reference/classes/ICalEvent.html#location");return this.data.location=t||null,this}organizer(t){return t===void 0?this.data.organizer:t===null?(this.data.organizer=null,this):(this.data.organizer=j("organizer",t),this)}priority(t){if(t===void 0)return this.data.priority;if(t===null)return this.data.priority=null,this;if(t<0||t>9)throw Error("`priority` is invalid, musst be 0 \u2264 priority \u2264 9.");return this.data.priority=Math.round(t),this}recurrenceId(t){return t===void 0?this.data.recurrenceId:t===null?(this.data.recurrenceId=null,this):(this.data.recurrenceId=R(t,"recurrenceId"),this)}repeating(t){if(t===void 0)return this.data.repeating;if(!t)return this.data.repeating=null,this;if(pt(t)||typeof t=="string")return this.data.repeating=t,this;if(this.data.repeating={freq:v(ie,t.freq)},t.count){if(!isFinite(t.count))throw Error("`repeating.count` must be a finite number!");this.data.repeating.count=t.count}if(t.interval){if(!isFinite(t.interval))throw Error("`repeating.interval` must be a finite number!");this.data.repeating.interval=t.interval}if(t.until!==void 0&&(this.data.repeating.until=R(t.until,"repeating.until")),t.byDay){let e=Array.isArray(t.byDay)?t.byDay:[t.byDay];this.data.repeating.byDay=e.map(r=>v(Ut,r))}if(t.byMonth){let e=Array.isArray(t.byMonth)?t.byMonth:[t.byMonth];this.data.repeating.byMonth=e.map(r=>{if(typeof r!="number"||r<1||r>12)throw Error("`repeating.byMonth` contains invalid value `"+r+"`!");return r})}if(t.byMonthDay){let e=Array.isArray(t.byMonthDay)?t.byMonthDay:[t.byMonthDay];this.data.repeating.byMonthDay=e.map(r=>{if(typeof r!="number"||r<-31||r>31||r===0)throw Error("`repeating.byMonthDay` contains invalid value `"+r+"`!");return r})}if(t.bySetPos){if(!this.data.repeating.byDay)throw"`repeating.bySetPos` must be used along with `repeating.byDay`!";let e=Array.isArray(t.bySetPos)?t.bySetPos:[t.bySetPos];this.data.repeating.bySetPos=e.map(r=>{if(typeof r!="number"||r<-366||r>366||r===0)throw"`repeating.bySetPos` contains invalid value `"+r+"`!";return r})}if(t.exclude){let e=Array.isArray(t.exclude)?t.exclude:[t.exclude];this.data.repeating.exclude=e.map((r,i)=>R(r,`repeating.exclude[${i}]`))}return t.startOfWeek&&(this.data.repeating.startOfWeek=v(Ut,t.startOfWeek)),this}sequence(t){if(t===void 0)return this.data.sequence;if(isNaN(parseInt(String(t),10)))throw Error("`sequence` must be a number!");return this.data.sequence=t,this}stamp(t){return t===void 0?this.data.stamp:(this.data.stamp=R(t,"stamp"),this)}start(t){return t===void 0?(this.swapStartAndEndIfRequired(),this.data.start):(this.data.start=R(t,"start"),this)}status(t){return t===void 0?this.data.status:t===null?(this.data.status=null,this):(this.data.status=v(me,t),this)}summary(t){return t===void 0?this.data.summary:(this.data.summary=t?String(t):"",this)}timestamp(t){return t===void 0?this.stamp():this.stamp(t)}timezone(t){return t===void 0&&this.data.timezone!==null?this.data.timezone:t===void 0?this.calendar.timezone():(this.data.timezone=t&&t!=="UTC"?t.toString():null,this.data.timezone&&(this.data.floating=!1),this)}toJSON(){let t=null;return pt(this.data.repeating)||typeof this.data.repeating=="string"?t=this.data.repeating.toString():this.data.repeating&&(t=Object.assign({},this.data.repeating,{exclude:this.data.repeating.exclude?.map(e=>w(e)),until:w(this.data.repeating.until)||void 0})),this.swapStartAndEndIfRequired(),Object.assign({},this.data,{created:w(this.data.created)||null,end:w(this.data.end)||null,lastModified:w(this.data.lastModified)||null,recurrenceId:w(this.data.recurrenceId)||null,repeating:t,stamp:w(this.data.stamp)||null,start:w(this.data.start)||null,x:this.x()})}toString(){let t="";if(t+=`BEGIN:VEVENT\r
`,t+="UID:"+this.data.id+`\r
`,t+="SEQUENCE:"+this.data.sequence+`\r
`,this.swapStartAndEndIfRequired(),t+="DTSTAMP:"+y(this.calendar.timezone(),this.data.stamp)+`\r
`,this.data.allDay?(t+="DTSTART;VALUE=DATE:"+y(this.timezone(),this.data.start,!0)+`\r
`,this.data.end&&(t+="DTEND;VALUE=DATE:"+y(this.timezone(),this.data.end,!0)+`\r
`),t+=`X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r
`,t+=`X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE\r
`):(t+=ut(this.timezone(),"DTSTART",this.data.start,this.data)+`\r
`,this.data.end&&(t+=ut(this.timezone(),"DTEND",this.data.end,this.data)+`\r
`)),pt(this.data.repeating)||typeof this.data.repeating=="string"){let e=this.data.repeating.toString().replace(/\r\n/g,`
`).split(`
`).filter(r=>r&&!r.startsWith("DTSTART:")).join(`\r
`);!e.includes(`\r
`)&&!e.startsWith("RRULE:")&&(e="RRULE:"+e),t+=e.trim()+`\r
`}else this.data.repeating&&(t+="RRULE:FREQ="+this.data.repeating.freq,this.data.repeating.count&&(t+=";COUNT="+this.data.repeating.count),this.data.repeating.interval&&(t+=";INTERVAL="+this.data.repeating.interval),this.data.repeating.until&&(t+=";UNTIL="+y(this.calendar.timezone(),this.data.repeating.until,!1,this.floating())),this.data.repeating.byDay&&(t+=";BYDAY="+this.data.repeating.byDay.join(",")),this.data.repeating.byMonth&&(t+=";BYMONTH="+this.data.repeating.byMonth.join(",")),this.data.repeating.byMonthDay&&(t+=";BYMONTHDAY="+this.data.repeating.byMonthDay.join(",")),this.data.repeating.bySetPos&&(t+=";BYSETPOS="+this.data.repeating.bySetPos.join(",")),this.data.repeating.startOfWeek&&(t+=";WKST="+this.data.repeating.startOfWeek),t+=`\r
`,this.data.repeating.exclude&&(this.data.allDay?t+="EXDATE;VALUE=DATE:"+this.data.repeating.exclude.map(e=>y(this.calendar.timezone(),e,!0)).join(",")+`\r
`:(t+="EXDATE",this.timezone()?t+=";TZID="+this.timezone()+":"+this.data.repeating.exclude.map(e=>y(this.timezone(),e,!1,!0)).join(",")+`\r
`:t+=":"+this.data.repeating.exclude.map(e=>y(this.timezone(),e,!1,this.floating())).join(",")+`\r
`)));if(this.data.recurrenceId&&(t+=ut(this.timezone(),"RECURRENCE-ID",this.data.recurrenceId,this.data)+`\r
`),t+="SUMMARY:"+c(this.data.summary,!1)+`\r
`,this.data.transparency&&(t+="TRANSP:"+c(this.data.transparency,!1)+`\r
`),this.data.location&&"title"in this.data.location&&this.data.location.title&&(t+="LOCATION:"+c(this.data.location.title+(this.data.location.address?`
`+this.data.location.address:""),!1)+`\r
`,this.data.location.radius&&this.data.location.geo&&(t+="X-APPLE-STRUCTURED-LOCATION;VALUE=URI;"+(this.data.location.address?"X-ADDRESS="+c(this.data.location.address,!1)+";":"")+"X-APPLE-RADIUS="+c(this.data.location.radius,!1)+";X-TITLE="+c(this.data.location.title,!1)+":geo:"+c(this.data.location.geo?.lat,!1)+","+c(this.data.location.geo?.lon,!1)+`\r
`)),this.data.location?.geo?.lat&&this.data.location.geo.lon&&(t+="GEO:"+c(this.data.location.geo.lat,!1)+";"+c(this.data.location.geo.lon,!1)+`\r
`),this.data.travelTime&&(t+="X-APPLE-TRAVEL-DURATION;VALUE=DURATION:"+x(this.data.travelTime.seconds)+`\r
`,this.data.location&&(this.data.travelTime.suggestionBehavior&&(t+="X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:"+this.data.travelTime.suggestionBehavior+`\r
`),this.data.travelTime.startFrom))){t+="X-APPLE-TRAVEL-START;";let e=[];e.push("ROUTING="+this.data.travelTime.startFrom.transportation),e.push("VALUE=URI"),"address"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.address&&e.push("X-ADDRESS="+c(this.data.travelTime.startFrom.location.address,!1)),"radius"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.radius&&e.push("X-APPLE-RADIUS="+c(this.data.travelTime.startFrom.location.radius,!1)),"title"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.title&&e.push("X-TITLE="+c(this.data.travelTime.startFrom.location.title,!1)),t+=e.join(";"),"geo"in this.data.travelTime.startFrom.location&&this.data.travelTime.startFrom.location.geo&&(t+=":geo:"+c(this.data.travelTime.startFrom.location.geo?.lat,!1)+","+c(this.data.travelTime.startFrom.location.geo?.lon,!1)),t+=`\r
`}return this.data.description&&(t+="DESCRIPTION:"+c(this.data.description.plain,!1)+`\r
`,this.data.description.html&&(t+="X-ALT-DESC;FMTTYPE=text/html:"+c(this.data.description.html,!1)+`\r
`)),this.data.organizer&&(t+='ORGANIZER;CN="'+c(this.data.organizer.name,!0)+'"',this.data.organizer.sentBy&&(t+=';SENT-BY="mailto:'+c(this.data.organizer.sentBy,!0)+'"'),this.data.organizer.email&&this.data.organizer.mailto&&(t+=";EMAIL="+c(this.data.organizer.email,!1)),t+=":",this.data.organizer.email&&(t+="mailto:"+c(this.data.organizer.mailto||this.data.organizer.email,!1)),t+=`\r
`),this.data.attendees.forEach(function(e){t+=e.toString()}),this.data.alarms.forEach(function(e){t+=e.toString()}),this.data.categories.length>0&&(t+="CATEGORIES:"+this.data.categories.map(e=>e.toString()).join()+`\r
`),this.data.url&&(t+="URL;VALUE=URI:"+c(this.data.url,!1)+`\r
`),this.data.attachments.length>0&&this.data.attachments.forEach(e=>{t+="ATTACH:"+c(e,!1)+`\r
`}),this.data.status&&(t+="STATUS:"+this.data.status.toUpperCase()+`\r
`),this.data.busystatus&&(t+="X-MICROSOFT-CDO-BUSYSTATUS:"+this.data.busystatus.toUpperCase()+`\r
`),this.data.priority!==null&&(t+="PRIORITY:"+this.data.priority+`\r
`),t+=ft(this.data),this.data.created&&(t+="CREATED:"+y(this.calendar.timezone(),this.data.created)+`\r
`),this.data.lastModified&&(t+="LAST-MODIFIED:"+y(this.calendar.timezone(),this.data.lastModified)+`\r
`),this.data.class&&(t+="CLASS:"+this.data.class.toUpperCase()+`\r
`),t+=`END:VEVENT\r
`,t}transparency(t){return t===void 0?this.data.transparency:t?(this.data.transparency=v(fe,t),this):(this.data.transparency=null,this)}travelTime(t){if(t===void 0)return this.data.travelTime;if(typeof t=="number"&&t<=0)throw Error("`travelTime` has to be more than 0!");if(t&&typeof t=="object"&&"seconds"in t&&t.seconds<=0)throw Error("`travelTime.seconds` has to be more than 0!");return typeof t=="number"?(this.data.travelTime={seconds:t},this):(this.data.travelTime=t,this)}uid(t){return t===void 0?this.id():this.id(t)}url(t){return t===void 0?this.data.url:(this.data.url=t?String(t):null,this)}x(t,e){return t===void 0?b(this.data):(typeof t=="string"&&typeof e=="string"&&b(this.data,t,e),typeof t=="object"&&b(this.data,t),this)}swapStartAndEndIfRequired(){if(this.data.start&&this.data.end&&Pt(this.data.start).getTime()>Pt(this.data.end).getTime()){let t=this.data.start;this.data.start=this.data.end,this.data.end=t}}},ge=(function(t){return t.ADD="ADD",t.CANCEL="CANCEL",t.COUNTER="COUNTER",t.DECLINECOUNTER="DECLINECOUNTER",t.PUBLISH="PUBLISH",t.REFRESH="REFRESH",t.REPLY="REPLY",t.REQUEST="REQUEST",t})({}),ye=class{data;constructor(t={}){this.data={color:null,description:null,events:[],method:null,name:null,prodId:"//sebbo.net//ical-generator//EN",scale:null,source:null,timezone:null,ttl:null,url:null,x:[]},t.prodId!==void 0&&this.prodId(t.prodId),t.method!==void 0&&this.method(t.method),t.name!==void 0&&this.name(t.name),t.description!==void 0&&this.description(t.description),t.timezone!==void 0&&this.timezone(t.timezone),t.source!==void 0&&this.source(t.source),t.url!==void 0&&this.url(t.url),t.scale!==void 0&&this.scale(t.scale),t.ttl!==void 0&&this.ttl(t.ttl),t.color!==void 0&&this.color(t.color),t.events!==void 0&&this.events(t.events),t.x!==void 0&&this.x(t.x)}clear(){return this.data.events=[],this}color(t){if(t===void 0)return this.data.color;if(typeof t=="string"&&!/^#[A-F0-9]{6}$/gi.test(t))throw Error("`color` is malformed!");return this.data.color=t?String(t).toUpperCase():null,this}createEvent(t){let e=t instanceof Yt?t:new Yt(t,this);return this.data.events.push(e),e}description(t){return t===void 0?this.data.description:(this.data.description=t?String(t):null,this)}events(t){return t?(t.forEach(e=>this.createEvent(e)),this):this.data.events}length(){return this.data.events.length}method(t){return t===void 0?this.data.method:t?(this.data.method=v(ge,t),this):(this.data.method=null,this)}name(t){return t===void 0?this.data.name:(this.data.name=t?String(t):null,this)}prodId(t){if(!t)return this.data.prodId;if(typeof t=="string")return this.data.prodId=t,this;if(typeof t!="object")throw Error("`prodid` needs to be a string or an object!");if(!t.company)throw Error("`prodid.company` is a mandatory item!");if(!t.product)throw Error("`prodid.product` is a mandatory item!");let e=(t.language||"EN").toUpperCase();return this.data.prodId="//"+t.company+"//"+t.product+"//"+e,this}scale(t){return t===void 0?this.data.scale:(t===null?this.data.scale=null:this.data.scale=t.toUpperCase(),this)}source(t){return t===void 0?this.data.source:(this.data.source=t||null,this)}timezone(t){return t===void 0?this.data.timezone?.name||null:(t==="UTC"?this.data.timezone=null:typeof t=="string"?this.data.timezone={name:t}:t===null?this.data.timezone=null:this.data.timezone=t,this)}toJSON(){return Object.assign({},this.data,{events:this.data.events.map(t=>t.toJSON()),timezone:this.timezone(),x:this.x()})}toString(){let t="";return t=`BEGIN:VCALENDAR\r
VERSION:2.0\r
`,t+="PRODID:-"+this.data.prodId+`\r
`,this.data.url&&(t+="URL:"+this.data.url+`\r
`),this.data.source&&(t+="SOURCE;VALUE=URI:"+this.data.source+`\r
`),this.data.scale&&(t+="CALSCALE:"+this.data.scale+`\r
`),this.data.method&&(t+="METHOD:"+this.data.method+`\r
`),this.data.name&&(t+="NAME:"+this.data.name+`\r
`,t+="X-WR-CALNAME:"+this.data.name+`\r
`),this.data.description&&(t+="X-WR-CALDESC:"+this.data.description+`\r
`),this.data.timezone?.generator&&[...new Set([this.timezone(),...this.data.events.map(e=>e.timezone())])].filter(e=>e!==null&&!e.startsWith("/")).forEach(e=>{if(!this.data.timezone?.generator)return;let r=this.data.timezone.generator(e);r&&(t+=r.replace(/\r\n/g,`
`).replace(/\n/g,`\r
`).trim()+`\r
`)}),this.data.timezone?.name&&(t+="TIMEZONE-ID:"+this.data.timezone.name+`\r
`,t+="X-WR-TIMEZONE:"+this.data.timezone.name+`\r
`),this.data.ttl&&(t+="REFRESH-INTERVAL;VALUE=DURATION:"+x(this.data.ttl)+`\r
`,t+="X-PUBLISHED-TTL:"+x(this.data.ttl)+`\r
`),this.data.color&&(t+="X-APPLE-CALENDAR-COLOR:"+this.data.color+`\r
`),this.data.events.forEach(e=>t+=e.toString()),t+=ft(this.data),t+="END:VCALENDAR",ne(t)}ttl(t){return t===void 0?this.data.ttl:(se(t)?this.data.ttl=t.asSeconds():t&&t>0?this.data.ttl=t:this.data.ttl=null,this)}url(t){return t===void 0?this.data.url:(this.data.url=t||null,this)}x(t,e){if(t===void 0)return b(this.data);if(typeof t=="string"&&typeof e=="string")b(this.data,t,e);else if(typeof t=="object")b(this.data,t);else throw Error("Either key or value is not a string!");return this}};function Vt(t){return new ye(t)}var gt=864e5,B=6e4;function M(t,e){return E.fromMillis(t,{zone:e}).offset}function U(t){let e=t<0?"-":"+",r=Math.abs(t);return`${e}${String(Math.floor(r/60)).padStart(2,"0")}${String(r%60).padStart(2,"0")}`}function ve(t,e,r){let i=M(t,r),a=Math.floor(t/B),n=Math.ceil(e/B);for(;n-a>1;){let o=Math.floor((a+n)/2);M(o*B,r)===i?a=o:n=o}return n*B}function be(t){let{at:e,from:r,zone:i}=t,a=E.fromMillis(e,{zone:i,locale:"en-GB"}),n=a.isInDST?"DAYLIGHT":"STANDARD",o=E.fromMillis(e+r*B,{zone:"utc"}).toFormat("yyyyLLdd'T'HHmmss");return[`BEGIN:${n}`,`TZOFFSETFROM:${U(r)}`,`TZOFFSETTO:${U(a.offset)}`,`TZNAME:${a.offsetNameShort??U(a.offset)}`,`DTSTART:${o}`,`END:${n}`].join(`\r
`)}function Wt(t){let{zone:e}=t,r=[],i=t.to.toMillis(),a=t.from.toMillis();for(let n=a+gt;n<=i+gt;n+=gt){if(M(n,e)!==M(a,e)){let o=ve(a,n,e);r.push(be({at:o,from:M(a,e),zone:e}))}a=n}if(r.length===0){let n=M(t.from.toMillis(),e),o=E.fromMillis(t.from.toMillis(),{zone:e,locale:"en-GB"}).offsetNameShort??U(n);r.push(["BEGIN:STANDARD",`TZOFFSETFROM:${U(n)}`,`TZOFFSETTO:${U(n)}`,`TZNAME:${o}`,"DTSTART:19700101T000000","END:STANDARD"].join(`\r
`))}return["BEGIN:VTIMEZONE",`TZID:${e}`,...r,"END:VTIMEZONE"].join(`\r
`)}var Te={developer:"First line support (developer)",operations:"First line support (operations)",shadow:"Shadowing first line support",primary:"On call (primary)",secondLine:"On call (second line)"},Ee={developer:"In-hours first line support, developer slot: tickets, alerts and maintenance in working hours.",operations:"In-hours first line support, operations slot: tickets, alerts and maintenance in working hours.",shadow:"Shadowing this week's first line support pair.",primary:"Out-of-hours on call: critical alerts and urgent tickets of clients with out-of-hours cover.",secondLine:"Second line on call: escalations when the primary does not acknowledge within 5 minutes."};function Se(t,e){return`${t}-${e}@firstline`}function rt(t,e){let r=t.get(e);return r?`${r.name} (${e})`:e}function yt(t){let{rota:e,zone:r,stamp:i,login:a}=t,n=new Map(e.people.map(s=>[s.login,s])),o=[];for(let[s,p]of[[Z,Object.keys(e.support)],[G,Object.keys(e.onCall)]])for(let S of p.filter(W).sort())for(let N of s){let z=_({rota:e,week:S,slot:N});z.length>0&&(a===void 0||z.includes(a))&&o.push({week:S,slot:N,holders:z})}o.sort((s,p)=>s.week.localeCompare(p.week));let l=o[0]?.week,h=o[o.length-1]?.week,f=l===void 0||h===void 0?{from:i.minus({years:1}),to:i.plus({years:1})}:{from:lt({week:l,zone:r}).minus({years:1}),to:ht({week:h,zone:r}).plus({years:1})},g=Vt({name:a===void 0?"Firstline rota":`Firstline rota: ${rt(n,a)}`,prodId:{company:"Firstline",product:"rota",language:"EN"},timezone:{name:null,generator:s=>Wt({zone:s,...f})}});for(let{week:s,slot:p,holders:S}of o)g.createEvent({id:Se(s,p),start:lt({week:s,zone:r}),end:ht({week:s,zone:r}),timezone:r,stamp:i.toUTC(),summary:`${Te[p]}: ${S.join(", ")}`,description:`${Ee[p]}
Week ${s}, Wednesday 10:00 to Wednesday 10:00 (${r}).
${S.map(N=>rt(n,N)).join(", ")}`});for(let s of e.overrides??[]){if(a!==void 0&&a!==s.by&&a!==s.covers)continue;let p=ct({date:s.date,zone:r}),S=s.slot==="primary"?"On call cover (primary)":"On call cover (second line)";g.createEvent({id:`${s.date}-${s.slot}-cover@firstline`,start:p,end:ct({date:Dt(s.date,1),zone:r}),timezone:r,stamp:i.toUTC(),summary:`${S}: ${s.by} for ${s.covers}`,description:`${rt(n,s.by)} covers ${rt(n,s.covers)} from 10:00 to 10:00 (${r}).
Why: ${s.reason}`})}return g.toString()}function we(){let t=new $t({html:!1,linkify:!1,typographer:!1});t.validateLink=i=>q(i).kind!=="unsafe";let e=t.renderer.rules.fence,r=t.renderer.rules.code_block;return t.renderer.rules.fence=(i,a,n,o,l)=>(e?.(i,a,n,o,l)??"").replace(/^<pre>/,'<pre tabindex="0">'),t.renderer.rules.code_block=(i,a,n,o,l)=>(r?.(i,a,n,o,l)??"").replace(/^<pre>/,'<pre tabindex="0">'),t.renderer.rules.table_open=()=>`<div class="table-wrap" tabindex="0" role="region" aria-label="Table">
<table>
`,t.renderer.rules.table_close=()=>`</table>
</div>
`,t}var vt=we();function Ae(t,e,r){let i=[],a=[];for(let n of t)if(n.type==="link_open"){let o=Ie(String(n.attrGet("href")??""),e);if(a.push(o===void 0),o===void 0)continue;n.attrSet("href",o),i.push(n)}else if(n.type==="link_close")a.pop()!==!0&&i.push(n);else if(n.type==="image"){let o=String(n.attrGet("src")??""),l=n.children?.length?X(n):n.content,h=Object.assign(new r("text","",0),{content:l||o});if(q(o).kind==="web"&&a.length===0){let f=new r("link_open","a",1);f.attrSet("href",o),i.push(f,h,new r("link_close","a",-1))}else i.push(h)}else i.push(n);return i}function Ie(t,e){let r=q(t);switch(r.kind){case"web":return t;case"same-page":return`#${encodeURIComponent(r.fragment)}`;case"runbook":return e.runbookHref(r.slug,r.fragment);case"unsafe":case"not-a-runbook":return}}function Re(t){let e=t.env,r=[];t.tokens.forEach((a,n)=>{if((a.type==="heading_open"||a.type==="heading_close")&&a.tag==="h1"&&(a.tag="h2"),a.type==="heading_open"){let o=t.tokens[n+1];r.push({open:a,text:o?X(o):""})}if((a.type==="th_open"||a.type==="td_open")&&a.attrGet("style")){let o=/text-align:(\w+)/.exec(String(a.attrGet("style")))?.[1];a.attrs=(a.attrs??[]).filter(([l])=>l!=="style"),(o==="center"||o==="right")&&a.attrJoin("class",`align-${o}`)}a.type==="inline"&&a.children&&(a.children=Ae(a.children,e,t.Token))});let i=xt(r.map(a=>a.text));e.headings=r.map(({open:a,text:n},o)=>{let l=i[o]??"";return a.attrSet("id",l),{level:Number(a.tag.slice(1)),text:n,id:l}})}vt.core.ruler.push("firstline_rewrite",Re);function Zt(t){let e={runbookHref:t.runbookHref,headings:[]};return{html:vt.render(t.markdown,e),headings:e.headings}}function bt(t){let e=[];for(let r of vt.parse(t,{runbookHref:()=>{},headings:[]}))r.type==="inline"?e.push(X(r)):(r.type==="fence"||r.type==="code_block")&&e.push(r.content);return e.join(" ").replace(/\s+/g," ").trim()}import{createHash as De}from"node:crypto";function Ce(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;").replace(/'/g,"&#39;")}var Y=class{constructor(e){this.text=e}text;toString(){return this.text}};function d(t,...e){let r=t[0]??"";return e.forEach((i,a)=>{r+=ke(i)+(t[a+1]??"")}),new Y(r)}function ke(t){return t==null||t===!1?"":t instanceof Y?t.text:Array.isArray(t)?t.map(e=>e.text).join(""):Ce(String(t))}function A(t){return new Y(t)}function Gt(t){return JSON.stringify(t).replace(/</g,"\\u003c").replace(/>/g,"\\u003e").replace(/&/g,"\\u0026").replace(/\u2028/g,"\\u2028").replace(/\u2029/g,"\\u2029")}function Tt(t){return`'sha256-${De("sha256").update(t,"utf8").digest("base64")}'`}function T(t){return E.fromISO(t,{zone:"utc",locale:"en-GB"}).toFormat("ccc d LLL yyyy")}var u={index:"index.html",rota:"rota/index.html",rotaCalendar:"rota/rota.ics",alerts:"alerts.json",runbook:t=>`runbooks/${t}.html`,person:t=>`rota/people/${t}.html`,personCalendar:t=>`rota/people/${t}.ics`};function m(t,e){let r=t.split("/").slice(0,-1),i=e.split("/"),a=0;for(;a<r.length&&a<i.length-1&&r[a]===i[a];)a+=1;return"../".repeat(r.length-a)+i.slice(a).map(encodeURIComponent).join("/")}function C(t){return new Map(t.people.map(e=>[e.login,e]))}var Et=`
:root { --text: #1b1b1f; --muted: #4a4f57; --bg: #ffffff; --panel: #f3f4f6; --line: #c9ccd1; --link: #1a4fb5; --visited: #5b2a86;
  --head: #14213d; --head-text: #ffffff; --focus: #ffbf47; --critical: #a4161a; --warning: #7a4a00; --info: #1f5f3a; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: var(--bg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--text); border-radius: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: var(--focus); color: #000; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--head); color: var(--head-text); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.site-header a, .site-header a:visited { color: var(--head-text); }
.brand { font-weight: 700; text-decoration: none; }
.site-header ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.site-header nav a[aria-current="page"] { text-decoration-thickness: 0.2em; }
main.wrap { padding-top: 2rem; padding-bottom: 2.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p, ul, ol, dl, table { margin: 0 0 1rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: var(--panel); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #0f172a; color: #f1f5f9; padding: 0.75rem 1rem; border-radius: 4px; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; color: inherit; overflow-wrap: normal; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
.align-center { text-align: center; } .align-right { text-align: right; }
.wide th, .wide td { white-space: nowrap; }
.wide tbody th { position: sticky; left: 0; background: var(--panel); }
caption { text-align: left; font-weight: 700; padding: 0 0 0.4rem; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.lede { font-size: 1.1rem; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.85rem; font-weight: 700; border: 1px solid currentColor; }
.badge-critical { color: var(--critical); } .badge-warning { color: var(--warning); } .badge-info { color: var(--info); } .badge-overdue { color: var(--critical); }
.search { background: var(--panel); padding: 1rem; border-radius: 6px; margin-bottom: 1.5rem; }
.search label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.search input { width: 100%; font: inherit; padding: 0.5rem 0.6rem; border: 2px solid var(--text); border-radius: 4px; background: #fff; color: var(--text); }
.search p { margin: 0.4rem 0 0; }
.runbook-list { list-style: none; padding: 0; }
.runbook-list li { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.runbook-list h2 { font-size: 1.2rem; margin: 0 0 0.25rem; }
.runbook-list p { margin: 0.25rem 0 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; background: var(--panel); padding: 0.75rem 1rem; border-radius: 6px; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; }
.duty { border-left: 4px solid var(--head); padding: 0.5rem 0 0.5rem 1rem; }
.toc ul { padding-left: 1.25rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { padding-top: 1rem; padding-bottom: 1.5rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.6rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
  ol, ul { padding-left: 1.5rem; }
  pre { margin-left: -0.25rem; margin-right: -0.25rem; padding: 0.6rem 0.75rem; }
}
@media print { .site-header nav, .search, .skip-link { display: none; } pre { white-space: pre-wrap; } }
`.trim();function $(t){let{frame:e,path:r,title:i,section:a,main:n,script:o}=t,l=o===void 0?"'none'":Tt(o),h=`default-src 'none'; style-src ${Tt(Et)}; script-src ${l}; img-src 'self'; base-uri 'none'; form-action 'self'`,f=s=>s===a?A(' aria-current="page"'):A("");return d`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${A(h)}">
<meta name="referrer" content="no-referrer">
<title>${i===e.name?i:`${i} \xB7 ${e.name}`}</title>
<style>${A(Et)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${m(r,u.index)}">${e.name}</a>
<nav aria-label="Main">
<ul>
<li><a href="${m(r,u.index)}"${f("runbooks")}>Runbooks</a></li>
<li><a href="${m(r,u.rota)}"${f("rota")}>Rota</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${n}
</main>
<footer class="site-footer">
<div class="wrap">
<p>Built by Firstline for ${e.today}. Works offline: this site loads nothing from other sites.</p>
</div>
</footer>
${o===void 0?"":A(`<script>${o}</script>
`)}</body>
</html>
`.text}var _t=`
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("runbook-list");
  if (!data || !input || !status || !list) return;
  var entries = JSON.parse(data.textContent || "[]");
  var haystacks = {};
  entries.forEach(function (entry) {
    haystacks[entry.slug] = [entry.title, entry.alerts.join(" "), entry.services.join(" "), entry.severity, entry.text].join(" ").toLowerCase();
  });
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-slug]"));
  function plural(n) { return n === 1 ? "runbook" : "runbooks"; }
  function update() {
    var query = input.value.trim();
    var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    items.forEach(function (item) {
      var text = haystacks[item.getAttribute("data-slug")] || "";
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (words.length === 0) status.textContent = items.length + " " + plural(items.length) + ".";
    else if (shown === 0) status.textContent = "No runbook matches \\u201c" + query + "\\u201d.";
    else status.textContent = shown + " of " + items.length + " " + plural(items.length) + " match \\u201c" + query + "\\u201d.";
  }
  var form = input.form;
  if (form) form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  input.addEventListener("input", update);
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;
  update();
})();
`.trim();function O(t){let e=t.people.get(t.login);return e?d`<a href="${m(t.from,u.person(e.login))}">${e.name}</a>`:d`<code>${t.login}</code>`}function F(t){if(t.logins.length===0)return d`<span class="muted">nobody</span>`;let e=t.logins.map((r,i)=>d`${i>0?", ":""}${O({...t,login:r})}`);return d`${e}`}function at(t){return d`<span class="badge badge-${t}">${t}</span>`}function it(t){return d`${t.map((e,r)=>d`${r>0?", ":""}<code>${e}</code>`)}`}var St=t=>t===void 0?[]:[t];function V(t,e){let r=t.rota.support[e],i=t.rota.onCall[e];return{week:e,developer:St(r?.developer),operations:St(r?.operations),shadow:r?.shadow??[],primary:St(i?.primary),secondLine:i?.secondLine??[],cover:(t.rota.overrides??[]).filter(a=>dt(a.date)===e)}}function P(t){let e=dt(t.today),r=new Set([...Object.keys(t.rota.support),...Object.keys(t.rota.onCall)].filter(W));return{current:e,coming:[...r].filter(i=>i>e).sort()}}function nt(t){let{input:e,from:r,duty:i}=t,a=C(e.rota),n=o=>F({from:r,logins:o,people:a});return d`<dl class="facts">
<dt>Support developer</dt><dd>${n(i.developer)}</dd>
<dt>Support operations</dt><dd>${n(i.operations)}</dd>
${i.shadow.length>0?d`<dt>Shadowing</dt><dd>${n(i.shadow)}</dd>\n`:""}<dt>On call</dt><dd>${n(i.primary)}</dd>
<dt>Second line</dt><dd>${n(i.secondLine)}</dd>
${i.cover.map(o=>d`<dt>Cover, night of ${T(o.date)}</dt><dd>${n([o.by])} for ${n([o.covers])} (${o.slot==="primary"?"on call":"second line"}): ${o.reason}</dd>
`)}</dl>`}function ot(t){return`Week of ${T(t)}`}var qt=180;function $e(t){return t.length<=qt?t:`${t.slice(0,qt-1).replace(/\s+\S*$/,"")}\u2026`}function xe(t){let e=t.split(/^#{1,6}\s/m)[0]??"";return bt(e)}function Oe(t){return t.runbooks.map(e=>({slug:e.slug,title:e.frontMatter.title,alerts:e.frontMatter.alerts,services:e.frontMatter.services,severity:e.frontMatter.severity,text:bt(e.body)}))}function Xt(t){let e=u.index,{current:r}=P(t),i=[...t.runbooks].sort((l,h)=>l.frontMatter.title.localeCompare(h.frontMatter.title,"en")),a=i.map(l=>{let{title:h,alerts:f,services:g,severity:s}=l.frontMatter,p=$e(xe(l.body));return d`<li data-slug="${l.slug}">
<h2><a href="${m(e,u.runbook(l.slug))}">${h}</a></h2>
<p>${at(s)}${f.length>0?d` Alerts: ${it(f)}`:""}</p>
${p===""?"":d`<p>${p}</p>\n`}${g.length>0?d`<p class="muted">Services: ${g.join(", ")}</p>\n`:""}</li>
`}),n=i.flatMap(l=>l.frontMatter.alerts.map(h=>({alert:h,runbook:l}))).sort((l,h)=>l.alert<h.alert?-1:l.alert>h.alert?1:0).map(({alert:l,runbook:h})=>d`<tr><td><code>${l}</code></td><td><a href="${m(e,u.runbook(h.slug))}">${h.frontMatter.title}</a></td></tr>\n`),o=d`<h1>Runbooks</h1>
<p class="lede">What to do when an alert fires or a client reports a problem: symptoms, diagnosis, resolution and who to escalate to.</p>
<form class="search" role="search" action="${u.index}" method="get">
<label for="search">Search runbooks</label>
<input id="search" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint search-status">
<p id="search-hint" class="muted">Searches titles, alert names, services and the text of every runbook.</p>
<p id="search-status" role="status">${i.length} ${i.length===1?"runbook":"runbooks"}.</p>
</form>
<ul id="runbook-list" class="runbook-list">
${a}</ul>
<section aria-labelledby="duty-heading">
<h2 id="duty-heading">On duty this week</h2>
<div class="duty">
<p>${ot(r)}, as of ${t.today}. <a href="${m(e,u.rota)}">The whole rota</a>.</p>
${nt({input:t,from:e,duty:V(t,r)})}
</div>
</section>
<section aria-labelledby="alerts-heading">
<h2 id="alerts-heading">Alerts and their runbooks</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="alerts-heading">
<table>
<thead><tr><th scope="col">Alert</th><th scope="col">Runbook</th></tr></thead>
<tbody>
${n}</tbody>
</table>
</div>
<p>The same map as JSON: <a href="${m(e,u.alerts)}">alerts.json</a>.</p>
</section>
<script type="application/json" id="search-index">${A(Gt(Oe(t)))}</script>`;return $({frame:t,path:e,title:"Runbooks",section:"runbooks",main:o,script:_t})}var Ne={developer:"First line support (developer)",operations:"First line support (operations)",shadow:"Shadowing first line support",primary:"On call (primary)",secondLine:"On call (second line)"};function Le(t,e){let{current:r,coming:i}=P(t);return[r,...i].flatMap(a=>[...Z,...G].filter(n=>_({rota:t.rota,week:a,slot:n}).includes(e)).map(n=>({week:a,slot:n})))}function Jt(t,e){let r=u.person(e.login),i=C(t.rota),a=Le(t,e.login),n=e.away.filter(h=>h.to>=t.today),o=t.runbooks.filter(h=>h.frontMatter.owner===e.login),l=d`<h1>${e.name}</h1>
<dl class="facts">
<dt>GitHub login</dt><dd><code>${e.login}</code></dd>
<dt>Role</dt><dd>${e.role}${e.vetted?"":" (shadowing until vetted)"}</dd>
<dt>On call</dt><dd>${e.onCall?"opted in":"not on the on-call rota"}${e.secondLine?", second line":""}</dd>
<dt>Delivery lead</dt><dd>${O({from:r,login:e.deliveryLead,people:i})}</dd>
</dl>
<p><a href="${m(r,u.personCalendar(e.login))}" type="text/calendar">${e.name}'s rota calendar (iCalendar)</a></p>
<section aria-labelledby="slots">
<h2 id="slots">Coming slots</h2>
${a.length>0?d`<ul>
${a.map(({week:h,slot:f})=>d`<li>Week of <time datetime="${h}">${T(h)}</time>: ${Ne[f]}</li>\n`)}</ul>`:d`<p>No slots in the rota from this week on.</p>`}
</section>
${n.length>0?d`<section aria-labelledby="away">
<h2 id="away">Away</h2>
<ul>
${n.map(h=>d`<li>${T(h.from)} to ${T(h.to)}</li>\n`)}</ul>
</section>
`:""}${o.length>0?d`<section aria-labelledby="owned">
<h2 id="owned">Runbooks they keep current</h2>
<ul>
${o.map(h=>d`<li><a href="${m(r,u.runbook(h.slug))}">${h.frontMatter.title}</a></li>\n`)}</ul>
</section>
`:""}<p class="muted"><a href="${m(r,u.rota)}">The whole rota</a></p>`;return $({frame:t,path:r,title:e.name,section:"rota",main:l})}function Me(t,e,r){let i=C(t.rota);return t.escalation.map(a=>{let n=a.notify==="second-line"?d`this week's second line (${F({from:e,logins:r,people:i})})`:F({from:e,logins:a.notify,people:i});return d`<li>After ${a.afterMinutes} minute${a.afterMinutes===1?"":"s"} without acknowledgement: ${n}.</li>\n`})}function Kt(t){let e=u.rota,r=C(t.rota),{current:i,coming:a}=P(t),n=V(t,i),o=s=>F({from:e,logins:s,people:r}),l=a.map(s=>{let p=V(t,s);return d`<tr><th scope="row"><time datetime="${s}">${T(s)}</time></th><td>${o(p.developer)}</td><td>${o(p.operations)}</td><td>${p.shadow.length>0?o(p.shadow):""}</td><td>${o(p.primary)}</td><td>${o(p.secondLine)}</td></tr>\n`}),h=[...t.rota.people].sort((s,p)=>s.name.localeCompare(p.name,"en")).map(s=>d`<tr><th scope="row">${O({from:e,login:s.login,people:r})}</th><td>${s.role}</td><td>${s.vetted?"yes":"shadowing"}</td><td>${s.onCall?"yes":"no"}</td><td>${s.secondLine?"yes":"no"}</td><td><a href="${m(e,u.personCalendar(s.login))}">calendar<span class="visually-hidden"> for ${s.name}</span></a></td></tr>\n`),f=Me(t,e,n.secondLine),g=d`<h1>Rota</h1>
<p class="lede">As of <time datetime="${t.today}">${T(t.today)}</time>. Weeks run from Wednesday 10:00 to the next Wednesday 10:00 (${t.zone}).</p>
<section aria-labelledby="this-week">
<h2 id="this-week">This week: ${ot(i).replace(/^Week of /,"week of ")}</h2>
${nt({input:t,from:e,duty:n})}
</section>
${f.length>0?d`<section aria-labelledby="escalation">
<h2 id="escalation">Escalation of unacknowledged pages</h2>
<ol>
${f}</ol>
</section>
`:""}<section aria-labelledby="coming-weeks">
<h2 id="coming-weeks">Coming weeks</h2>
${l.length>0?d`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="coming-weeks">
<table class="wide">
<thead><tr><th scope="col">Week of</th><th scope="col">Developer</th><th scope="col">Operations</th><th scope="col">Shadowing</th><th scope="col">On call</th><th scope="col">Second line</th></tr></thead>
<tbody>
${l}</tbody>
</table>
</div>`:d`<p>The rota has no weeks after this one yet.</p>`}
</section>
<section aria-labelledby="calendars">
<h2 id="calendars">Calendars</h2>
<p>Subscribe to <a href="${m(e,u.rotaCalendar)}" type="text/calendar">the whole rota (iCalendar)</a>, or to one person's slots below.</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="calendars">
<table class="wide">
<thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Vetted</th><th scope="col">On call</th><th scope="col">Second line</th><th scope="col">Calendar</th></tr></thead>
<tbody>
${h}</tbody>
</table>
</div>
</section>`;return $({frame:t,path:e,title:"Rota",section:"rota",main:g})}function Ue(t,e){return(E.fromISO(t,{zone:"utc"}).plus({months:Nt}).toISODate()??"")<e}function Qt(t,e){let r=u.runbook(e.slug),i=new Set(t.runbooks.map(I=>I.slug)),{html:a,headings:n}=Zt({markdown:e.body,runbookHref:(I,st)=>{if(!i.has(I))return;let wt=m(r,u.runbook(I));return st===void 0||st===""?wt:`${wt}#${encodeURIComponent(st)}`}}),{title:o,alerts:l,services:h,severity:f,owner:g,lastReviewed:s}=e.frontMatter,p=C(t.rota),S=n.filter(I=>I.level===2),N=Ue(s,t.today),z=t.editBase!==void 0&&!e.file.startsWith("/")&&!e.file.split(/[\\/]/).includes(".."),ae=d`<article>
<h1>${o}</h1>
<dl class="facts">
<dt>Severity</dt><dd>${at(f)}</dd>
${l.length>0?d`<dt>Alerts</dt><dd>${it(l)}</dd>\n`:""}${h.length>0?d`<dt>Services</dt><dd>${h.join(", ")}</dd>\n`:""}<dt>Owner</dt><dd>${O({from:r,login:g,people:p})}</dd>
<dt>Last reviewed</dt><dd><time datetime="${s}">${T(s)}</time>${N?d` <span class="badge badge-overdue">review overdue</span>`:""}</dd>
</dl>
${S.length>0?d`<nav class="toc" aria-label="On this page">
<h2>On this page</h2>
<ul>
${S.map(I=>d`<li><a href="#${encodeURIComponent(I.id)}">${I.text}</a></li>\n`)}</ul>
</nav>
`:""}<div class="runbook-body">
${A(a)}</div>
</article>
<p class="muted"><a href="${m(r,u.index)}">All runbooks</a>${z?d` · <a href="${`${t.editBase??""}${e.file.split(/[\\/]/).map(encodeURIComponent).join("/")}`}">Edit this runbook</a>`:""}</p>`;return $({frame:t,path:r,title:o,section:"runbooks",main:ae})}function Fe(t){let e=new Map;for(let r of t.runbooks)for(let i of r.frontMatter.alerts)e.has(i)||e.set(i,m(u.alerts,u.runbook(r.slug)));return Object.fromEntries([...e].sort(([r],[i])=>r<i?-1:r>i?1:0))}function te(t){let e=[...t.runbooks].sort((n,o)=>n.slug<o.slug?-1:n.slug>o.slug?1:0),r={...t,runbooks:e},i=E.fromISO(t.today,{zone:"utc"}),a=new Map;a.set(u.index,Xt(r));for(let n of e)a.set(u.runbook(n.slug),Qt(r,n));a.set(u.rota,Kt(r)),a.set(u.rotaCalendar,yt({rota:t.rota,zone:t.zone,stamp:i}));for(let n of t.rota.people)a.set(u.person(n.login),Jt(r,n)),a.set(u.personCalendar(n.login),yt({rota:t.rota,zone:t.zone,stamp:i,login:n.login}));return a.set(u.alerts,`${JSON.stringify(Fe(r),null,2)}
`),a.set(".nojekyll",""),new Map([...a].sort(([n],[o])=>n<o?-1:n>o?1:0))}function ee(t){let{config:e}=t;return te({name:e.supportRepo===null?"Firstline":`Firstline \xB7 ${e.supportRepo}`,today:t.today,runbooks:t.runbooks,rota:t.rota,zone:e.timezone,escalation:e.alerts.escalation,editBase:e.supportRepo===null?void 0:`https://github.com/${e.supportRepo}/blob/HEAD/`})}import{join as Pe}from"node:path";function re(t){for(let[e,r]of t.files)t.write(Pe(t.out,...e.split("/")),r)}async function Ea(t){let e=kt(t),r=Rt({dir:t.inputs["rota-dir"],io:t.io}),{runbooks:i,findings:a}=Lt(Mt({dir:t.inputs["runbooks-dir"],io:t.io})),n=a.filter(p=>p.severity==="error"&&p.rule===Ot.frontMatter);if(n.length>0)throw new At(n.map(p=>({file:p.file,path:"",...p.line===void 0?{}:{line:p.line},message:p.message})));let o=It(t.io.now(),e.timezone),l=ee({config:e,rota:r,runbooks:i,today:o}),h=t.inputs["site-dir"];re({out:h,files:l,write:t.io.writeTextFile});let f=[...l.keys()],g=f.filter(p=>p.endsWith(".html")).length,s=[`## Site built for ${o}`,"",`${g} page${g===1?"":"s"} (${f.length} files) written to \`${h}\`: ${i.length} runbook${i.length===1?"":"s"}, ${r.people.length} people, calendars and search.`].join(`
`);await Ct({summary:s,result:{out:h,today:o,pages:g,files:f}})}export{Ea as actionSiteBuild};
